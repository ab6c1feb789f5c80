package io.depotops.core.domain.report;

import java.util.List;

/** What a report contains. Issue 11 lists more kinds (readiness, availability, site peaks): not built. */
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
            List.of("day", "depot", "chargePointId", "vehicleFleetNumber", "vehicleVin", "energyKwh", "sessions"));

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
