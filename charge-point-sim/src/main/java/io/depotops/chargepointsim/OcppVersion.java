package io.depotops.chargepointsim;

/** The OCPP-J versions the simulator speaks, by their websocket subprotocol. */
public enum OcppVersion {
    V16("ocpp1.6"),
    V201("ocpp2.0.1");

    private final String subprotocol;

    OcppVersion(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    public String subprotocol() {
        return subprotocol;
    }

    /** The version a negotiated subprotocol names. */
    public static OcppVersion ofSubprotocol(String subprotocol) {
        for (OcppVersion version : values()) {
            if (version.subprotocol.equals(subprotocol)) {
                return version;
            }
        }
        throw new IllegalArgumentException("not an OCPP subprotocol: " + subprotocol);
    }

    /** core's spelling ("1.6", "2.0.1"). */
    public static OcppVersion ofLabel(String label) {
        return switch (label) {
            case "1.6" -> V16;
            case "2.0.1" -> V201;
            default -> throw new IllegalArgumentException("unknown OCPP version " + label);
        };
    }
}
