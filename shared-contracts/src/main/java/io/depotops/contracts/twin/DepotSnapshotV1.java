package io.depotops.contracts.twin;

import java.time.Instant;
import java.util.List;

/**
 * A depot's state as core knows it at {@code asOf}: what digital-twin starts from and resyncs to
 * after a gap. Power in kW, energy in kWh, state of charge in percent (0-100), times ISO-8601 UTC;
 * every measurement is null when unknown. Readers are tolerant: unknown members are ignored.
 */
public record DepotSnapshotV1(
        String workspaceId,
        String depotId,
        Instant asOf,
        List<Charger> chargers,
        List<Vehicle> vehicles,
        List<SiteNode> nodes) {

    /**
     * @param nodeId the site node the charger hangs from, if known
     * @param dc true for a DC charger (vehicles then take their DC maximum)
     * @param online whether the charger is connected to connect
     */
    public record Charger(
            String chargerId,
            String chargePointId,
            String nodeId,
            double maxPowerKw,
            boolean dc,
            boolean online,
            Instant confirmedAt,
            List<Connector> connectors) {}

    /**
     * @param connectorId the EVSE (OCPP 2.0.1) or connector (1.6) number
     * @param status connect's normalised status, e.g. {@code Available}, {@code Charging}, {@code Faulted}
     * @param vehicleId the vehicle of the open transaction, if any
     */
    public record Connector(
            int connectorId,
            String status,
            Double powerKw,
            String vehicleId,
            Long transactionId,
            Instant confirmedAt) {}

    /**
     * @param taperAboveSocPercent above this the accepted power falls linearly (null: no taper)
     * @param powerAtFullPercent the share of the maximum still accepted at 100 %
     * @param nextDepartureAt the start of the vehicle's next dispatch block, if assigned
     * @param plannedPower the charging plan's power steps for this vehicle, if core has a plan
     */
    public record Vehicle(
            String vehicleId,
            double batteryKwh,
            Double maxAcKw,
            Double maxDcKw,
            Double taperAboveSocPercent,
            Double powerAtFullPercent,
            Double socPercent,
            Instant socObservedAt,
            double targetSocPercent,
            Instant nextDepartureAt,
            List<PlannedPower> plannedPower) {}

    /** The plan's power for a vehicle from {@code from} until the next step. */
    public record PlannedPower(Instant from, double powerKw) {}

    /** A node of the site's electrical tree; the root has no parent. */
    public record SiteNode(String nodeId, String parentId, Double limitKw, Double loadKw, Instant measuredAt) {}
}
