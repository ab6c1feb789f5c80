package io.depotops.connect.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A test charge point: java.net.http WebSocket speaking OCPP-J. */
final class OcppTestClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<String> received;
    final CompletableFuture<Integer> closed;

    private OcppTestClient(WebSocket socket, BlockingQueue<String> received, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.received = received;
        this.closed = closed;
    }

    /** Connects, or throws {@link HandshakeRefused} with the HTTP status. */
    static OcppTestClient connect(URI base, String chargePointId, String password, String... subprotocols)
            throws Exception {
        return connect(HttpClient.newHttpClient(), "ws", base, chargePointId, password, subprotocols);
    }

    /** Connects over TLS (wss), trusting the server certificates {@code trust} trusts. */
    static OcppTestClient connectTls(
            URI base, SSLContext trust, String chargePointId, String password, String... subprotocols)
            throws Exception {
        return connect(
                HttpClient.newBuilder().sslContext(trust).build(), "wss", base, chargePointId, password, subprotocols);
    }

    private static OcppTestClient connect(
            HttpClient http, String scheme, URI base, String chargePointId, String password, String... subprotocols)
            throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocols.length > 0) {
            String[] rest = new String[subprotocols.length - 1];
            System.arraycopy(subprotocols, 1, rest, 0, rest.length);
            builder.subprotocols(subprotocols[0], rest);
        }
        if (password != null) {
            String credentials = chargePointId + ":" + password;
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        URI uri = URI.create(scheme + "://" + base.getHost() + ":" + base.getPort() + "/ocpp/" + chargePointId);
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
        try {
            WebSocket socket = builder.buildAsync(uri, listener).get(15, TimeUnit.SECONDS);
            return new OcppTestClient(socket, received, closed);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a frame and waits for the next frame from connect. */
    JsonNode exchange(String text) throws Exception {
        sendRaw(text);
        return next(Duration.ofSeconds(10));
    }

    /** Sends a CALL and returns the answer (CALLRESULT or CALLERROR) as an array. */
    JsonNode call(String messageId, String action, String payloadJson) throws Exception {
        return exchange("[2,\"" + messageId + "\",\"" + action + "\"," + payloadJson + "]");
    }

    JsonNode next(Duration timeout) throws Exception {
        String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no frame from connect within " + timeout);
        }
        return JSON.readTree(text);
    }

    String poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    static final class HandshakeRefused extends Exception {
        final int status;

        HandshakeRefused(int status) {
            super("handshake refused with " + status);
            this.status = status;
        }
    }
}
