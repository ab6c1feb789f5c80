package io.depotops.core.domain.report;

/** File formats of reports. XLSX is not built yet (issue 11). */
public enum ReportFormat {
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
