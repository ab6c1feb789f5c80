package io.depotops.chargepointsim;

/** The CSMS answered the websocket upgrade with an HTTP status instead of 101. */
public final class HandshakeRefused extends Exception {

    /** The HTTP status of the refusal (401, 503, ...). */
    public final int status;

    public HandshakeRefused(int status) {
        super("handshake refused with HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
