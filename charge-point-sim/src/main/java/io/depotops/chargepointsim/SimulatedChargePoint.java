package io.depotops.chargepointsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A charger that behaves like a real one. Once started it connects, boots, and keeps itself
 * connected: a refused handshake or a lost socket is followed by a reconnect after an exponential
 * backoff with jitter; a Pending or Rejected boot by a new boot after the answer's interval; an
 * Accepted boot by heartbeats at the answer's interval (when nothing else went out). One CALL is
 * outstanding at a time (OCPP-J); an unanswered CALL is sent again with the same message id after
 * the call timeout; transaction-related messages wait while offline and go out after the next
 * accepted boot, other messages fail at once while offline. The CSMS's CALLs are answered by the
 * {@link Responder}. Everything it sees is counted in the shared {@link SimulatorStats}.
 *
 * <p>Thread-safe; timers run on the given scheduler, socket events on the HTTP client's threads.
 */
public final class SimulatedChargePoint {

    public enum State {
        NEW,
        CONNECTING,
        BOOTING,
        /** Boot answered Pending or Rejected: boots again after the interval. */
        BOOT_NOT_ACCEPTED,
        ACCEPTED,
        WAITING_TO_RECONNECT,
        STOPPED
    }

    /** The CALL could not go out: the charger is offline and the message is not kept. */
    public static final class Offline extends Exception {
        Offline(String message) {
            super(message);
        }
    }

    /** The CSMS answered with a CALLERROR. */
    public static final class CallError extends Exception {
        public final String code;

        CallError(String code, String description) {
            super(code + ": " + description);
            this.code = code;
        }
    }

    private static final class Call {
        final String id;
        final String action;
        final String frame;
        final boolean transactionRelated;
        final boolean boot;
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        int attempts;
        long sentNanos;
        ScheduledFuture<?> timeout;

        Call(String id, String action, String payloadJson, boolean transactionRelated, boolean boot) {
            this.id = id;
            this.action = action;
            this.frame = Frames.call(id, action, payloadJson);
            this.transactionRelated = transactionRelated;
            this.boot = boot;
        }
    }

    private final Endpoint endpoint;
    private final OcppVersion version;
    private final HttpClient http;
    private final ScheduledExecutorService timers;
    private final ChargerBehaviour behaviour;
    private final SimulatorStats stats;
    private final Responder responder;
    private final CompletableFuture<Void> firstAccepted = new CompletableFuture<>();
    private final ArrayDeque<Call> queue = new ArrayDeque<>();

    private State state = State.NEW;
    private int attempt;
    private OcppSocket socket;
    private Call outstanding;
    private int failuresSinceAccepted;
    private boolean everOpened;
    private long lastCallSentNanos;
    private Duration heartbeatInterval = Duration.ZERO;
    private ScheduledFuture<?> timer;
    private long messageIds;
    private boolean heartbeatNext;
    private long energyWh = 1_000_000;

    public SimulatedChargePoint(
            Endpoint endpoint,
            OcppVersion version,
            HttpClient http,
            ScheduledExecutorService timers,
            ChargerBehaviour behaviour,
            SimulatorStats stats,
            Responder responder) {
        this.endpoint = new Endpoint(
                endpoint.csmsUrl(),
                endpoint.chargePointId(),
                endpoint.password(),
                java.util.List.of(version.subprotocol()));
        this.version = version;
        this.http = http;
        this.timers = timers;
        this.behaviour = behaviour;
        this.stats = stats;
        this.responder = responder;
    }

    public String chargePointId() {
        return endpoint.chargePointId();
    }

    public OcppVersion version() {
        return version;
    }

    public synchronized State state() {
        return state;
    }

    /** Completes when the first boot is Accepted. */
    public CompletableFuture<Void> firstAccepted() {
        return firstAccepted;
    }

    /** Connects and boots, and from now on keeps itself connected until {@link #stop}. */
    public synchronized void start() {
        if (state == State.NEW) {
            connect();
        }
    }

    /**
     * Sends a CALL (after the ones before it) and completes with the CALLRESULT's payload, or
     * fails with {@link CallError}, {@link TimeoutException} (given up) or {@link Offline}.
     */
    public CompletableFuture<JsonNode> send(String action, String payloadJson) {
        synchronized (this) {
            boolean transactionRelated = Payloads.isTransactionRelated(version, action, payloadJson);
            Call call = new Call(nextId(), action, payloadJson, transactionRelated, false);
            if (state != State.ACCEPTED) {
                if (!transactionRelated || state == State.STOPPED) {
                    stats.count(SimulatorStats.REFUSED_OFFLINE);
                    call.answer.completeExceptionally(new Offline(action + " while " + state));
                    return call.answer;
                }
                stats.count(SimulatorStats.QUEUED_OFFLINE);
            }
            queue.add(call);
            pump();
            return call.answer;
        }
    }

    /**
     * The benchmark's periodic message: a Heartbeat and a MeterValues in turn. Returns false (and
     * sends nothing) when not accepted or a CALL is still waiting, as a real charger would wait.
     */
    public synchronized boolean tick() {
        if (state != State.ACCEPTED || outstanding != null || !queue.isEmpty()) {
            return false;
        }
        heartbeatNext = !heartbeatNext;
        if (heartbeatNext) {
            send("Heartbeat", Payloads.heartbeat());
        } else {
            energyWh += 250;
            send("MeterValues", Payloads.meterValues(version, energyWh, null));
        }
        return true;
    }

    /** Drops the connection without a close handshake (a lost link); the charger reconnects. */
    public void dropConnection() {
        OcppSocket lost;
        synchronized (this) {
            lost = socket;
            if (lost == null) {
                return;
            }
            connectionLost();
        }
        lost.abort();
    }

    /** Closes the socket (1000) and stays offline; waiting CALLs fail. */
    public void stop() {
        OcppSocket open;
        java.util.List<Call> waiting = new java.util.ArrayList<>();
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            leaveAccepted();
            state = State.STOPPED;
            cancelTimer();
            open = socket;
            socket = null;
            if (outstanding != null) {
                waiting.add(outstanding);
                outstanding = null;
            }
            waiting.addAll(queue);
            queue.clear();
        }
        // failed outside the lock: a caller's callback may send again (and is refused, stopped)
        waiting.forEach(call -> fail(call, new Offline("stopped")));
        if (open != null) {
            open.close("charger stopped");
        }
    }

    // ---- connection ----

    private void connect() {
        state = State.CONNECTING;
        int thisAttempt = ++attempt;
        stats.socketOpening();
        OcppSocket.Handler handler = new OcppSocket.Handler() {
            @Override
            public void onFrame(OcppSocket source, String text) {
                received(source, text);
            }

            @Override
            public void onClosed(OcppSocket source, int code, String reason) {
                closed(source);
            }
        };
        OcppSocket.open(http, endpoint, behaviour.connectTimeout(), handler)
                .whenComplete((opened, error) -> opened(thisAttempt, opened, error));
    }

    private void opened(int thisAttempt, OcppSocket opened, Throwable error) {
        synchronized (this) {
            if (thisAttempt == attempt && state == State.CONNECTING) {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    stats.count(
                            cause instanceof HandshakeRefused refused
                                    ? SimulatorStats.HANDSHAKE_REFUSED + refused.status
                                    : SimulatorStats.CONNECT_FAILED
                                            + cause.getClass().getSimpleName());
                    reconnectLater();
                    return;
                }
                stats.count(SimulatorStats.SOCKETS_OPENED);
                if (everOpened) {
                    stats.count(SimulatorStats.RECONNECTS);
                }
                everOpened = true;
                socket = opened;
                boot();
                return;
            }
        }
        if (opened != null) {
            opened.abort(); // stopped meanwhile
        }
    }

    private void closed(OcppSocket source) {
        synchronized (this) {
            if (source == socket) {
                connectionLost();
            }
        }
    }

    /** The socket is gone: keep what must survive, fail the rest, reconnect after a backoff. */
    private void connectionLost() {
        stats.count(SimulatorStats.SOCKETS_LOST);
        leaveAccepted();
        socket = null;
        cancelTimer();
        if (outstanding != null) {
            Call interrupted = outstanding;
            outstanding = null;
            cancel(interrupted.timeout);
            if (interrupted.transactionRelated) {
                interrupted.attempts = 0;
                queue.addFirst(interrupted);
                stats.count(SimulatorStats.RESENT_AFTER_RECONNECT);
            } else {
                fail(interrupted, new Offline("connection lost"));
            }
        }
        java.util.List<Call> dropped = new java.util.ArrayList<>();
        for (Iterator<Call> it = queue.iterator(); it.hasNext(); ) {
            Call waiting = it.next();
            if (!waiting.transactionRelated) {
                it.remove();
                dropped.add(waiting);
            }
        }
        reconnectLater();
        // failed after the walk over the queue: a caller's callback may send again
        dropped.forEach(waiting -> fail(waiting, new Offline("connection lost")));
    }

    private void reconnectLater() {
        state = State.WAITING_TO_RECONNECT;
        failuresSinceAccepted++;
        Duration wait = behaviour.backoff(
                failuresSinceAccepted, ThreadLocalRandom.current().nextDouble());
        schedule(wait, () -> {
            if (state == State.WAITING_TO_RECONNECT) {
                connect();
            }
        });
    }

    // ---- boot and heartbeat ----

    private void boot() {
        state = State.BOOTING;
        Call boot = new Call(
                nextId(),
                "BootNotification",
                Payloads.bootNotification(version, behaviour.vendor(), behaviour.model(), chargePointId()),
                false,
                true);
        outstanding = boot;
        transmit(boot);
    }

    private void bootAnswered(JsonNode payload) {
        String status = payload.path("status").asText();
        int interval = payload.path("interval").asInt(0);
        stats.count(SimulatorStats.BOOT + status);
        if (status.equals("Accepted")) {
            state = State.ACCEPTED;
            failuresSinceAccepted = 0;
            stats.accepted(!firstAccepted.isDone());
            firstAccepted.complete(null);
            heartbeatInterval = Duration.ofSeconds(interval);
            scheduleHeartbeat(heartbeatInterval);
            pump();
        } else {
            bootAgainLater(interval > 0 ? Duration.ofSeconds(interval) : behaviour.bootRetryWhenNoInterval());
        }
    }

    private void bootAgainLater(Duration wait) {
        state = State.BOOT_NOT_ACCEPTED;
        schedule(wait, () -> {
            if (state == State.BOOT_NOT_ACCEPTED && outstanding == null && socket != null) {
                boot();
            }
        });
    }

    private void scheduleHeartbeat(Duration wait) {
        if (behaviour.heartbeats() && heartbeatInterval.isPositive()) {
            schedule(wait, this::heartbeatDue);
        }
    }

    /** A Heartbeat only when nothing else went out for a whole interval (OCPP allows skipping it). */
    private void heartbeatDue() {
        if (state != State.ACCEPTED) {
            return;
        }
        long idle = System.nanoTime() - lastCallSentNanos;
        long interval = heartbeatInterval.toNanos();
        if (idle >= interval - TimeUnit.MILLISECONDS.toNanos(50)) {
            stats.count(SimulatorStats.HEARTBEATS);
            send("Heartbeat", Payloads.heartbeat());
            scheduleHeartbeat(heartbeatInterval);
        } else {
            scheduleHeartbeat(Duration.ofNanos(interval - idle));
        }
    }

    // ---- CALLs ----

    private void pump() {
        if (state == State.ACCEPTED && outstanding == null && !queue.isEmpty()) {
            outstanding = queue.poll();
            transmit(outstanding);
        }
    }

    private void transmit(Call call) {
        call.attempts++;
        stats.count(call.attempts == 1 ? SimulatorStats.CALLS_SENT : SimulatorStats.CALL_RETRIES);
        call.sentNanos = System.nanoTime();
        lastCallSentNanos = call.sentNanos;
        socket.send(call.frame); // a failed send closes the socket: handled there
        OcppSocket sentOn = socket;
        call.timeout = timers.schedule(
                () -> timedOut(sentOn, call), behaviour.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void timedOut(OcppSocket sentOn, Call call) {
        OcppSocket toDrop = null;
        synchronized (this) {
            if (outstanding != call || socket != sentOn) {
                return;
            }
            if (call.attempts < behaviour.callAttempts()) {
                transmit(call);
                return;
            }
            stats.count(SimulatorStats.CALLS_GIVEN_UP);
            outstanding = null;
            fail(call, new TimeoutException(call.action + " unanswered after " + call.attempts + " attempts"));
            if (call.boot) {
                // a charger that cannot boot starts over with a new connection
                toDrop = socket;
                connectionLost();
            } else {
                pump();
            }
        }
        if (toDrop != null) {
            toDrop.abort();
        }
    }

    private void received(OcppSocket source, String text) {
        JsonNode frame = Frames.parse(text);
        int type = Frames.typeOf(frame);
        if (type == Frames.CALL) {
            answerCsms(source, frame);
            return;
        }
        synchronized (this) {
            if (source != socket) {
                return;
            }
            Call call = outstanding;
            if (call == null || !call.id.equals(frame.path(1).asText(null))) {
                stats.count(SimulatorStats.STRAY_ANSWERS);
                return;
            }
            outstanding = null;
            cancel(call.timeout);
            stats.roundTrip(System.nanoTime() - call.sentNanos, call.boot);
            if (type == Frames.CALL_RESULT) {
                if (call.boot) {
                    bootAnswered(frame.path(2));
                } else {
                    call.answer.complete(frame.path(2));
                }
            } else {
                String code = frame.path(2).asText();
                stats.count(SimulatorStats.CALL_ERROR + code);
                if (call.boot) {
                    bootAgainLater(behaviour.bootRetryWhenNoInterval());
                } else {
                    fail(call, new CallError(code, frame.path(3).asText()));
                }
            }
            pump();
        }
    }

    private void answerCsms(OcppSocket source, JsonNode call) {
        String action = call.path(2).asText();
        stats.count(SimulatorStats.CSMS_CALL + action);
        String id = call.path(1).asText();
        switch (responder.answer(version, action, call.path(3))) {
            case Responder.Reply.Result result -> source.send(Frames.callResult(id, result.payloadJson()));
            case Responder.Reply.Error error -> source.send(Frames.callError(id, error.code(), error.description()));
            case Responder.Reply.Silence silence -> {}
        }
    }

    // ---- helpers ----

    private void leaveAccepted() {
        if (state == State.ACCEPTED) {
            stats.noLongerAccepted();
        }
    }

    private String nextId() {
        return Long.toString(++messageIds);
    }

    /** One timer at a time (backoff, boot retry or heartbeat); runs under this charger's lock. */
    private void schedule(Duration wait, Runnable task) {
        cancelTimer();
        timer = timers.schedule(
                () -> {
                    synchronized (this) {
                        task.run();
                    }
                },
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        cancel(timer);
        timer = null;
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static void fail(Call call, Exception error) {
        call.answer.completeExceptionally(error);
    }
}
