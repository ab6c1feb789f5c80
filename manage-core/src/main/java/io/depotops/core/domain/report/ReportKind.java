package io.depotops.core.domain.report;

import java.util.List;

/** What a report contains. Only charging sessions are built so far (issue 11 lists more kinds). */
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
                    "status"));

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
