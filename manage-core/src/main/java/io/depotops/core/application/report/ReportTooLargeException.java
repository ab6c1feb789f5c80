package io.depotops.core.application.report;

import io.depotops.core.application.InvalidInputException;

/** The rows do not fit the format (an XLSX sheet's row limit). */
public class ReportTooLargeException extends InvalidInputException {

    public ReportTooLargeException(String message) {
        super("format", message);
    }
}
