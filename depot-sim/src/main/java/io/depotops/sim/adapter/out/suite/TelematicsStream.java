package io.depotops.sim.adapter.out.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The run's vehicles as a streaming telematics provider: one websocket to telematics' {@code
 * /stream/{provider}} with the provider client's token, and every meter interval one text frame
 * with the {@code generic} message of each vehicle at the depot (state of charge, odometer,
 * plugged in, charging state) at the simulated time. The device id is the vehicle's id with the
 * run's prefix, as registered in core. Frames are sent one after the other; beyond 256 waiting an
 * interval's frame is dropped (counted), and a closed stream is reopened for the next frame.
 */
final class TelematicsStream implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TelematicsStream.class);
    /** Where a vehicle's odometer starts: a fleet in service, not new vehicles. */
    static final double FIRST_ODOMETER_KM = 10_000;
    /** Frames waiting to be sent beyond which an interval's frame is dropped (the stream is behind). */
    private static final int MOST_PENDING_FRAMES = 256;

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI streamUrl;
    private final String token;
    private final OcppIds ids;
    private final Map<String, Double> odometerKm = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private ArrayNode batch;
    private Instant batchAt;
    private volatile CompletableFuture<WebSocket> socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile String lastError;

    TelematicsStream(HttpClient http, ObjectMapper json, URI streamBase, String provider, String token, OcppIds ids) {
        this.http = http;
        this.json = json;
        this.streamUrl = URI.create(streamBase.toString().replaceAll("/$", "") + "/" + provider);
        this.token = token;
        this.ids = ids;
    }

    /** Opens the stream; a refused handshake (a wrong token: 401) fails the run's creation. */
    void open() {
        try {
            connect().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "telematics stream " + streamUrl + " refused or unreachable: "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        }
    }

    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long refused() {
        return refused.get();
    }

    String lastError() {
        return lastError;
    }

    void departed(String vehicleId, double distanceKm) {
        odometerKm.merge(vehicleId, FIRST_ODOMETER_KM + distanceKm, (old, ignored) -> old + distanceKm);
    }

    /** Adds a vehicle's sample to the frame of its time; a sample of a later time sends the frame. */
    void sample(String vehicleId, double socPercent, boolean pluggedIn, boolean charging, Instant at) {
        if (batch != null && !at.equals(batchAt)) {
            flush();
        }
        if (batch == null) {
            batch = json.createArrayNode();
            batchAt = at;
        }
        ObjectNode message = batch.addObject();
        message.put("messageId", UUID.randomUUID().toString());
        message.put("deviceId", ids.prefix() + vehicleId);
        message.put("observedAt", at.toString());
        message.put("stateOfChargePercent", Math.round(Math.min(100, Math.max(0, socPercent)) * 10) / 10.0);
        message.put("odometerKm", odometerKm.getOrDefault(vehicleId, FIRST_ODOMETER_KM));
        message.put("pluggedIn", pluggedIn);
        message.put("chargingState", charging ? "CHARGING" : pluggedIn ? "COMPLETE" : "NOT_CHARGING");
    }

    /** Sends what is batched (the end of an interval, or the end of the run). */
    void flush() {
        if (batch == null || batch.isEmpty()) {
            batch = null;
            return;
        }
        String frame = batch.toString();
        int messages = batch.size();
        batch = null;
        if (pendingFrames.get() >= MOST_PENDING_FRAMES) {
            dropped.addAndGet(messages);
            return;
        }
        pendingFrames.incrementAndGet();
        lastSend = lastSend.handle((r, e) -> null)
                .thenCompose(ignored -> openSocket())
                .thenCompose(ws -> ws.sendText(frame, true))
                .whenComplete((ws, e) -> {
                    pendingFrames.decrementAndGet();
                    if (e == null) {
                        sent.addAndGet(messages);
                    } else {
                        dropped.addAndGet(messages);
                        lastError = e.getMessage();
                        socket = null;
                    }
                });
    }

    /** The open socket, or a new one when it closed or failed. */
    private CompletableFuture<WebSocket> openSocket() {
        CompletableFuture<WebSocket> current = socket;
        if (current == null
                || current.isCompletedExceptionally()
                || (current.isDone() && current.join().isOutputClosed())) {
            return connect();
        }
        return current;
    }

    int dropped() {
        return dropped.get();
    }

    private CompletableFuture<WebSocket> connect() {
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(streamUrl, new Answers());
        socket = opening;
        return opening;
    }

    @Override
    public void close() {
        flush();
        try {
            lastSend.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            lastError = e.getMessage();
        }
        CompletableFuture<WebSocket> open = socket;
        if (open != null && open.isDone() && !open.isCompletedExceptionally()) {
            open.join().sendClose(WebSocket.NORMAL_CLOSURE, "run ended");
        }
    }

    /** Counts the service's answers: acknowledgements and refusals. */
    private final class Answers implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode answer = json.readTree(text.toString());
                    if (answer.has("ack")) {
                        acknowledged.addAndGet(answer.path("ack").size());
                    } else if (answer.has("error")) {
                        refused.addAndGet(Math.max(1, answer.path("messageIds").size()));
                        lastError = answer.path("error").asText();
                        LOG.debugf("telematics refused: %s", lastError);
                    }
                } catch (Exception e) {
                    lastError = "unreadable answer: " + e.getMessage();
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
