package io.depotops.connect.domain;

/** The answer to a boot, the same three words in OCPP 1.6 and 2.0.1. */
public enum BootStatus {
    ACCEPTED("Accepted"),
    PENDING("Pending"),
    REJECTED("Rejected");

    private final String ocppName;

    BootStatus(String ocppName) {
        this.ocppName = ocppName;
    }

    public String ocppName() {
        return ocppName;
    }

    public static BootStatus fromOcppName(String name) {
        for (BootStatus status : values()) {
            if (status.ocppName.equalsIgnoreCase(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown boot status " + name);
    }
}
