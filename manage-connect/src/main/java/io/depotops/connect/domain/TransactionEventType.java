package io.depotops.connect.domain;

/** The phase of a transaction a charger reports: OCPP 2.0.1 TransactionEventEnumType words. */
public enum TransactionEventType {
    STARTED("Started"),
    UPDATED("Updated"),
    ENDED("Ended");

    private final String ocppName;

    TransactionEventType(String ocppName) {
        this.ocppName = ocppName;
    }

    public String ocppName() {
        return ocppName;
    }

    public static TransactionEventType fromOcppName(String name) {
        for (TransactionEventType type : values()) {
            if (type.ocppName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown transaction event type " + name);
    }
}
