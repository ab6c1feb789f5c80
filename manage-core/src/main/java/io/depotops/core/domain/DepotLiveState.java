package io.depotops.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What is happening at a depot now: each charger's and connector's status, each vehicle's charge. */
public record DepotLiveState(UUID depotId, List<ChargerState> chargers, List<VehicleState> vehicles) {

    public DepotLiveState {
        chargers = List.copyOf(chargers);
        vehicles = List.copyOf(vehicles);
    }

    public record ChargerState(
            UUID chargerId,
            String chargePointId,
            UUID siteId,
            String status,
            boolean online,
            List<ConnectorState> connectors,
            Instant updatedAt) {

        public ChargerState {
            connectors = List.copyOf(connectors);
        }
    }

    public record ConnectorState(int evseId, int connectorId, String status, Instant statusUpdatedAt) {}

    /** {@code stateOfChargePercent} is null until telematics has reported it. */
    public record VehicleState(UUID vehicleId, String fleetNumber, Double stateOfChargePercent, Instant observedAt) {}
}
