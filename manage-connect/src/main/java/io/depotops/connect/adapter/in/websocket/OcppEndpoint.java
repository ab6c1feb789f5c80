package io.depotops.connect.adapter.in.websocket;

import io.depotops.connect.application.session.OcppSessions;
import io.depotops.connect.domain.OcppVersion;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

/**
 * {@code /ocpp/{chargePointId}}: OCPP-J over websocket, subprotocol {@code ocpp1.6} or {@code
 * ocpp2.0.1}. {@link OcppHandshakeCheck} admits the connection before the upgrade; everything after
 * is handed to the session layer, which processes each charger's frames in order on its own
 * virtual thread, so these callbacks never block the event loop.
 */
@WebSocket(path = "/ocpp/{chargePointId}")
public class OcppEndpoint {

    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class);

    private final OcppSessions sessions;

    public OcppEndpoint(OcppSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        String chargePointId = connection.pathParam("chargePointId");
        OcppVersion version = OcppVersion.fromSubprotocol(connection.subprotocol())
                .or(() -> OcppHandshakeCheck.select(
                        connection.handshakeRequest().header(OcppHandshakeCheck.SEC_WEBSOCKET_PROTOCOL)))
                .orElseThrow(() -> new IllegalStateException("no OCPP subprotocol negotiated"));
        sessions.open(chargePointId, version, new WebSocketTransport(connection));
    }

    @OnTextMessage
    @NonBlocking
    public void onText(String text, WebSocketConnection connection) {
        sessions.received(connection.id(), text);
    }

    @OnPongMessage
    @NonBlocking
    public void onPong(Buffer data, WebSocketConnection connection) {
        sessions.alive(connection.id());
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection.id());
    }

    @OnError
    @NonBlocking
    public void onError(Throwable failure, WebSocketConnection connection) {
        LOG.warnf("websocket error on %s: %s", connection.pathParam("chargePointId"), failure.getMessage());
    }
}
