package io.depotops.telematics.adapter.in.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.telematics.adapter.in.websocket.StreamClients.Authenticated;
import io.depotops.telematics.adapter.in.websocket.StreamFormats.Parsed;
import io.depotops.telematics.application.StreamIngest;
import io.depotops.telematics.application.StreamIngest.Acknowledger;
import io.depotops.telematics.application.StreamIngest.Admission;
import io.depotops.telematics.application.StreamSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code /stream/{provider}}: a provider streams vehicle messages; each is answered once it is safe
 * ({@code {"ack": [ids]}}) or refused with a reason the provider can read ({@code {"error":
 * reason, "messageIds": [ids]}}). A bad message never closes the stream.
 */
@WebSocket(path = "/stream/{provider}")
public class StreamEndpoint {

    private static final Logger LOG = Logger.getLogger(StreamEndpoint.class);

    private final StreamClients clients;
    private final StreamIngest ingest;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final StreamSettings settings;
    private final Map<String, Authenticated> byConnection = new ConcurrentHashMap<>();

    StreamEndpoint(
            StreamClients clients,
            StreamIngest ingest,
            ObjectMapper json,
            MeterRegistry meters,
            StreamSettings settings) {
        this.settings = settings;
        this.clients = clients;
        this.ingest = ingest;
        this.json = json;
        this.meters = meters;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        clients.authenticate(
                        connection.pathParam("provider"),
                        connection.handshakeRequest().header("Authorization"),
                        connection.handshakeRequest().query() == null
                                ? null
                                : tokenOf(connection.handshakeRequest().query()))
                .ifPresentOrElse(
                        client -> byConnection.put(connection.id(), client),
                        () -> connection.close().subscribe().with(x -> {}, failure -> {}));
    }

    @OnTextMessage
    void message(String text, WebSocketConnection connection) {
        Authenticated client = byConnection.get(connection.id());
        if (client == null) {
            return;
        }
        if (text.length() > settings.maxMessageLength()) {
            refuse(
                    connection,
                    List.of(),
                    "message too large: %d characters, at most %d; send fewer messages per frame"
                            .formatted(text.length(), settings.maxMessageLength()),
                    null);
            return;
        }
        List<Parsed> messages;
        try {
            messages = StreamFormats.parse(client.format(), text, json);
        } catch (IOException e) {
            refuse(connection, List.of(), "not valid JSON: " + e.getMessage(), null);
            return;
        }
        Acknowledger acknowledger = new ConnectionAcknowledger(connection);
        for (Parsed parsed : messages) {
            List<String> ids = parsed.messageId() == null ? List.of() : List.of(parsed.messageId());
            if (parsed.error() != null) {
                refuse(connection, ids, parsed.error(), null);
                continue;
            }
            Admission admission;
            try {
                admission = ingest.submit(client.client(), parsed.messageId(), parsed.observation(), acknowledger);
            } catch (RuntimeException e) {
                // One message that cannot be handled is refused alone; the stream and the others go on.
                LOG.warnf(
                        e,
                        "message %s of %s could not be taken",
                        parsed.messageId(),
                        client.client().name());
                refuse(connection, ids, "the message could not be read", null);
                continue;
            }
            switch (admission.outcome()) {
                case QUEUED -> {}
                case BUSY -> {
                    meters.counter("depotops.telematics.messages.refused", "reason", "busy")
                            .increment();
                    send(connection, Map.of("error", "busy: retry later", "messageIds", ids));
                }
                case INVALID ->
                    refuse(
                            connection,
                            ids,
                            admission.refusal().message(),
                            admission.refusal().pointer());
            }
        }
    }

    private void refuse(WebSocketConnection connection, List<String> messageIds, String reason, String pointer) {
        meters.counter("depotops.telematics.messages.refused", "reason", "invalid")
                .increment();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", reason);
        answer.put("messageIds", messageIds);
        if (pointer != null && !pointer.isEmpty()) {
            answer.put("pointer", pointer);
        }
        send(connection, answer);
    }

    private void send(WebSocketConnection connection, Object answer) {
        if (!connection.isOpen()) {
            return;
        }
        try {
            connection
                    .sendText(json.writeValueAsString(answer))
                    .subscribe()
                    .with(
                            x -> {},
                            failure -> LOG.debugf(
                                    "answer to %s not sent: %s",
                                    connection.pathParam("provider"), failure.getMessage()));
        } catch (IOException e) {
            LOG.warnf("answer could not be written: %s", e.getMessage());
        }
    }

    private static String tokenOf(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return java.net.URLDecoder.decode(
                        pair.substring("token=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Answers a provider's messages on the connection they came on, if it is still open. */
    private final class ConnectionAcknowledger implements Acknowledger {

        private final WebSocketConnection connection;

        ConnectionAcknowledger(WebSocketConnection connection) {
            this.connection = connection;
        }

        @Override
        public void acknowledged(List<String> messageIds) {
            send(connection, Map.of("ack", messageIds));
        }

        @Override
        public void refused(List<String> messageIds, String reason) {
            refuse(connection, messageIds, reason, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ConnectionAcknowledger that
                    && that.connection.id().equals(connection.id());
        }

        @Override
        public int hashCode() {
            return connection.id().hashCode();
        }
    }
}
