package io.depotops.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test charge point speaking OCPP-J over the JDK's websocket. Answers to our CALLs and CALLs from
 * the central system are kept apart, so a command can arrive while the charger waits for an answer.
 */
final class ChargePoint implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> answers;
    private final BlockingQueue<JsonNode> calls;
    private final CompletableFuture<Integer> closed;
    private final AtomicInteger messageIds = new AtomicInteger();

    private ChargePoint(
            WebSocket socket,
            BlockingQueue<JsonNode> answers,
            BlockingQueue<JsonNode> calls,
            CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.answers = answers;
        this.calls = calls;
        this.closed = closed;
    }

    /** Opens the websocket, or throws {@link HandshakeRefused} with connect's HTTP status. */
    static ChargePoint connect(String chargePointId, String password, String... subprotocols) throws Exception {
        BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> calls = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocols.length > 0) {
            builder.subprotocols(
                    subprotocols[0],
                    List.of(subprotocols).subList(1, subprotocols.length).toArray(String[]::new));
        }
        if (password != null) {
            String credentials = chargePointId + ":" + password;
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    route(partial.toString(), answers, calls);
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
        URI uri = SystemUnderTest.connectUri().resolve("/ocpp/" + chargePointId);
        URI ws = URI.create("ws://" + uri.getHost() + ":" + uri.getPort() + uri.getPath());
        try {
            return new ChargePoint(builder.buildAsync(ws, listener).get(15, TimeUnit.SECONDS), answers, calls, closed);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    private static void route(String text, BlockingQueue<JsonNode> answers, BlockingQueue<JsonNode> calls) {
        try {
            JsonNode frame = JSON.readTree(text);
            if (frame.isArray() && frame.path(0).asInt() == 2) {
                calls.add(frame);
            } else {
                answers.add(frame);
            }
        } catch (Exception e) {
            answers.add(JSON.getNodeFactory().textNode(text));
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a CALL and returns connect's CALLRESULT or CALLERROR frame. */
    JsonNode call(String action, String payloadJson) throws Exception {
        String id = "m" + messageIds.incrementAndGet();
        JsonNode answer = exchange("[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        if (!answer.path(1).asText().equals(id)) {
            throw new AssertionError("answer to another message than " + id + ": " + answer);
        }
        return answer;
    }

    /** The payload of a CALLRESULT; fails on anything else. */
    JsonNode callResult(String action, String payloadJson) throws Exception {
        JsonNode answer = call(action, payloadJson);
        if (answer.path(0).asInt() != 3) {
            throw new AssertionError(action + " was not answered with a CALLRESULT: " + answer);
        }
        return answer.get(2);
    }

    /** Sends any text and returns the next answer frame (CALLRESULT or CALLERROR). */
    JsonNode exchange(String text) throws Exception {
        socket.sendText(text, true).join();
        JsonNode answer = answers.poll(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            throw new AssertionError("no answer from connect within " + ANSWER_TIMEOUT + " to " + text);
        }
        return answer;
    }

    /** Waits for a CALL of the central system with this action. */
    JsonNode expectCall(String action, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        List<JsonNode> others = new ArrayList<>();
        try {
            while (true) {
                long left = until - System.nanoTime();
                JsonNode call = left <= 0 ? null : calls.poll(left, TimeUnit.NANOSECONDS);
                if (call == null) {
                    throw new AssertionError(
                            "no " + action + " from connect within " + timeout + "; other calls: " + others);
                }
                if (call.get(2).asText().equals(action)) {
                    return call;
                }
                others.add(call);
            }
        } finally {
            calls.addAll(others);
        }
    }

    /** Answers a CALL of the central system with a CALLRESULT. */
    void reply(JsonNode call, String payloadJson) {
        socket.sendText("[3,\"" + call.get(1).asText() + "\"," + payloadJson + "]", true)
                .join();
    }

    /** The close code connect sent, once the socket is closed. */
    int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // connect did not confirm the close: drop the connection anyway
        }
        socket.abort();
    }

    static final class HandshakeRefused extends Exception {
        final int status;

        HandshakeRefused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }
}
