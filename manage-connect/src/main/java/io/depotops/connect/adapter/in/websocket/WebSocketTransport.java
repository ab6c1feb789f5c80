package io.depotops.connect.adapter.in.websocket;

import io.depotops.connect.application.session.SessionTransport;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.time.Duration;
import org.jboss.logging.Logger;

/** One charger's websockets-next connection as the session layer sees it. */
final class WebSocketTransport implements SessionTransport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class);
    private static final Duration SEND_DEADLINE = Duration.ofSeconds(10);

    private final WebSocketConnection connection;

    WebSocketTransport(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public void send(String text) {
        connection.sendText(text).await().atMost(SEND_DEADLINE);
    }

    @Override
    public void close(int code, String reason) {
        if (connection.isOpen()) {
            connection
                    .close(new CloseReason(code, reason))
                    .subscribe()
                    .with(ignored -> {}, failure -> LOG.debugf("closing %s failed: %s", id(), failure.getMessage()));
        }
    }

    @Override
    public String remoteAddress() {
        return connection.handshakeRequest().remoteAddress();
    }
}
