package io.depotops.connect.domain;

import java.util.Optional;

/** The OCPP versions connect speaks, each named by its websocket subprotocol (OCPP-J). */
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

    /** The version number alone, as events and core name it: {@code 1.6}, {@code 2.0.1}. */
    public String label() {
        return subprotocol.substring("ocpp".length());
    }

    public static Optional<OcppVersion> fromSubprotocol(String value) {
        for (OcppVersion version : values()) {
            if (version.subprotocol.equals(value)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
