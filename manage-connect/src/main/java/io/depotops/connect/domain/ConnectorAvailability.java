package io.depotops.connect.domain;

/**
 * Version-independent state of a connector: OCPP 2.0.1's ConnectorStatusEnumType. OCPP 1.6's finer
 * statuses (Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing) are all {@link #OCCUPIED};
 * the 1.6 word is kept beside it as the detail.
 */
public enum ConnectorAvailability {
    AVAILABLE,
    OCCUPIED,
    RESERVED,
    UNAVAILABLE,
    FAULTED;

    /** Maps an OCPP 1.6 ChargePointStatus or an OCPP 2.0.1 ConnectorStatusEnumType. */
    public static ConnectorAvailability fromOcpp(String status) {
        return switch (status) {
            case "Available" -> AVAILABLE;
            case "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Occupied" -> OCCUPIED;
            case "Reserved" -> RESERVED;
            case "Unavailable" -> UNAVAILABLE;
            case "Faulted" -> FAULTED;
            default -> throw new IllegalArgumentException("unknown connector status " + status);
        };
    }
}
