package io.depotops.connect.application.session;

/** Port: the socket of one charger connection, provided by the websocket adapter. */
public interface SessionTransport {

    /** Unique id of this connection. */
    String id();

    /** Sends one text frame; blocks until written or fails. */
    void send(String text);

    /** Closes the socket with a websocket close code and reason. */
    void close(int code, String reason);

    String remoteAddress();
}
