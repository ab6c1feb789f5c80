package io.depotops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One OCPP 1.6J charge point over a websocket: boots, then sends Heartbeat and MeterValues on
 * demand, one CALL outstanding at a time as OCPP-J requires, and reports each round trip.
 */
final class SimulatedCharger implements WebSocket.Listener {

    private final String chargePointId;
    private final LongConsumer roundTripNanos;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean awaiting = new AtomicBoolean();
    private final AtomicLong messageIds = new AtomicLong();
    private volatile long sentAt;
    private volatile String outstandingId;
    private volatile CompletableFuture<Void> booted = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private long meterWh = 1_000_000;
    private boolean heartbeatNext;

    SimulatedCharger(String chargePointId, LongConsumer roundTripNanos) {
        this.chargePointId = chargePointId;
        this.roundTripNanos = roundTripNanos;
    }

    String chargePointId() {
        return chargePointId;
    }

    boolean isOpen() {
        return socket != null && !closed;
    }

    /** Opens the socket and boots; completes when the BootNotification was answered. */
    CompletableFuture<Void> connect(HttpClient client, URI base, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.newWebSocketBuilder()
                .subprotocols("ocpp1.6")
                .header("Authorization", "Basic " + credentials)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(base.resolve(chargePointId), this)
                .thenCompose(ws -> {
                    socket = ws;
                    send("BootNotification", "{\"chargePointVendor\":\"depotops\",\"chargePointModel\":\"load\"}");
                    return booted.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS);
                });
    }

    /**
     * Sends the next periodic message (Heartbeat and MeterValues in turn). Returns false when the
     * previous call is still unanswered: a real charger waits too, so the tick is skipped.
     */
    boolean tick() {
        if (!isOpen() || !booted.isDone() || awaiting.get()) {
            return false;
        }
        heartbeatNext = !heartbeatNext;
        if (heartbeatNext) {
            return send("Heartbeat", "{}");
        }
        meterWh += 250;
        return send(
                "MeterValues",
                "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"" + Instant.now()
                        + "\",\"sampledValue\":[{\"value\":\"" + meterWh
                        + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
                        + "{\"value\":\"22000\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}");
    }

    private boolean send(String action, String payload) {
        if (!awaiting.compareAndSet(false, true)) {
            return false;
        }
        String id = Long.toString(messageIds.incrementAndGet());
        outstandingId = id;
        sentAt = System.nanoTime();
        socket.sendText("[2,\"" + id + "\",\"" + action + "\"," + payload + "]", true)
                .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .whenComplete((sent, error) -> {
                    if (error != null) {
                        System.out.println("  " + chargePointId + ": sending " + action + " failed: " + error);
                    }
                });
        return true;
    }

    void close() {
        closed = true;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark over");
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void received(String frame) {
        // [3,"<id>",{...}] or [4,"<id>",...]; a CALL from connect (a command) is not expected here.
        int firstQuote = frame.indexOf('"');
        int secondQuote = frame.indexOf('"', firstQuote + 1);
        if (firstQuote < 0
                || secondQuote < 0
                || !frame.substring(firstQuote + 1, secondQuote).equals(outstandingId)) {
            return;
        }
        long rtt = System.nanoTime() - sentAt;
        awaiting.set(false);
        if (frame.startsWith("[3")) {
            roundTripNanos.accept(rtt);
            if (!booted.isDone()) {
                booted.complete(null);
            }
        } else {
            roundTripNanos.accept(-1);
            if (!booted.isDone()) {
                booted.completeExceptionally(new IllegalStateException("boot answered with " + frame));
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        booted.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        booted.completeExceptionally(error);
    }
}
