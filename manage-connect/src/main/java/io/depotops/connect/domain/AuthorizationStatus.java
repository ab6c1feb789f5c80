package io.depotops.connect.domain;

/** Whether a token may charge; the union of OCPP 1.6 AuthorizationStatus and what core answers. */
public enum AuthorizationStatus {
    ACCEPTED("Accepted"),
    BLOCKED("Blocked"),
    EXPIRED("Expired"),
    INVALID("Invalid"),
    CONCURRENT_TX("ConcurrentTx"),
    UNKNOWN("Unknown");

    private final String ocppName;

    AuthorizationStatus(String ocppName) {
        this.ocppName = ocppName;
    }

    public String ocppName() {
        return ocppName;
    }

    /** Core's word, leniently: anything unknown is {@link #UNKNOWN}. */
    public static AuthorizationStatus fromName(String name) {
        for (AuthorizationStatus status : values()) {
            if (status.ocppName.equalsIgnoreCase(name)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
