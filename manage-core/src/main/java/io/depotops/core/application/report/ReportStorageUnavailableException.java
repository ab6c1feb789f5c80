package io.depotops.core.application.report;

import java.util.UUID;

/** The report was generated but could not be stored; it is indexed as FAILED with the reason. */
public class ReportStorageUnavailableException extends RuntimeException {

    private final UUID reportId;

    public ReportStorageUnavailableException(UUID reportId, String reason, Throwable cause) {
        super(reason, cause);
        this.reportId = reportId;
    }

    public UUID reportId() {
        return reportId;
    }
}
