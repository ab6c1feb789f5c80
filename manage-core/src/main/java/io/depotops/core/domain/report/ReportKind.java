package io.depotops.core.domain.report;

import java.util.List;

/**
 * What a report contains. Issue 11 lists more kinds (charger availability, site peaks): not built
 * yet (core keeps no charger status history and only each site node's latest load).
 */
public enum ReportKind {
    /** One row per charging transaction started in the period. */
    CHARGING_SESSIONS(
            "charging-sessions",
            List.of(
                    "transactionId",
                    "chargePointId",
                    "evseId",
                    "connectorId",
                    "vehicleFleetNumber",
                    "vehicleVin",
                    "idToken",
                    "startedAt",
                    "endedAt",
                    "durationSeconds",
                    "energyKwh",
                    "stopReason",
                    "status")),
    /**
     * Energy delivered per day (in the depot's time zone), charger and vehicle, from the meter
     * samples taken in the period: sums by depot, charger or vehicle are one pivot away.
     */
    ENERGY_PER_DAY(
            "energy-per-day",
            List.of("day", "depot", "chargePointId", "vehicleFleetNumber", "vehicleVin", "energyKwh", "sessions")),
    /**
     * One row per departure in the period of a block assigned to a vehicle (recurring blocks once
     * per occurrence, at their local time in the depot's zone): the state of charge required
     * (as {@code DepartureReadiness} computes it, with its reserve) and the last one reported at
     * or before the departure. {@code status}: READY, BELOW_TARGET, NO_SOC (nothing reported
     * yet) or NO_CONSUMPTION (a distance block and a vehicle without efficiency).
     */
    DEPARTURE_READINESS(
            "departure-readiness",
            List.of(
                    "departureAt",
                    "depot",
                    "block",
                    "vehicleFleetNumber",
                    "vehicleVin",
                    "requiredSocPercent",
                    "socAtDeparturePercent",
                    "socObservedAt",
                    "status")),
    /**
     * One charger's OCPP message log over the period, oldest first, one row per frame (from
     * DynamoDB, not PostgreSQL): on demand only, since it names one charger.
     */
    CHARGER_MESSAGE_LOG(
            "charger-message-log",
            List.of("at", "direction", "ocppVersion", "messageType", "messageId", "action", "frame"));

    private final String slug;
    private final List<String> columns;

    ReportKind(String slug, List<String> columns) {
        this.slug = slug;
        this.columns = columns;
    }

    public String slug() {
        return slug;
    }

    /** The header row: the file of a period without data still has it. */
    public List<String> columns() {
        return columns;
    }
}
