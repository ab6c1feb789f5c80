package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.charger.ChargerFacts;
import io.depotops.connect.application.charger.ChargerFacts.Direction;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.routing.ChargerRouting;
import io.depotops.connect.application.session.PayloadValidator.Violation;
import io.depotops.connect.domain.BootStatus;
import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RpcError;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The version-independent session layer: one live session per charger (a new connection replaces
 * the old one, whose socket is closed), OCPP-J framing and schema validation in both directions,
 * duplicate message ids, one outstanding CALL per direction, ordered processing per charger, the
 * response timeout of the calls connect sends, and dead-socket detection.
 */
@ApplicationScoped
public class OcppSessions {

    private static final Logger LOG = Logger.getLogger(OcppSessions.class);

    /** Websocket close codes (RFC 6455 section 7.4.1). */
    static final int NORMAL_CLOSURE = 1000;

    static final int GOING_AWAY = 1001;

    private final ConcurrentMap<String, OcppSession> byCharger = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, OcppSession> byConnection = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ocpp-session-timer").factory());
    private final HandledActions handlers;
    private final FrameCodec codec;
    private final PayloadValidator validator;
    private final ChargerService chargers;
    private final ChargerFacts facts;
    private final ConnectSettings settings;
    private final ChargerRouting routing;
    private final Clock clock;

    public OcppSessions(
            FrameCodec codec,
            PayloadValidator validator,
            ChargerService chargers,
            ChargerFacts facts,
            ConnectSettings settings,
            ChargerRouting routing,
            HandledActions handlers,
            Clock clock) {
        this.codec = codec;
        this.validator = validator;
        this.chargers = chargers;
        this.facts = facts;
        this.settings = settings;
        this.routing = routing;
        this.clock = clock;
        this.handlers = handlers;
        long sweep = settings.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::closeDeadSockets, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** A charger's websocket opened; replaces (and closes) a session the charger still had. */
    public void open(String chargePointId, OcppVersion version, SessionTransport transport) {
        Instant now = clock.instant();
        OcppSession session = new OcppSession(
                chargePointId, version, transport, new SerialExecutor(workers), now, settings.rememberedMessageIds());
        byConnection.put(transport.id(), session);
        OcppSession old = byCharger.put(chargePointId, session);
        if (old != null) {
            LOG.infof("%s connected again: its previous session %s is replaced", chargePointId, old.id());
            end(old, "replaced");
            old.transport.close(NORMAL_CLOSURE, "Replaced by a new connection");
        }
        routing.sessionChanged(chargePointId, this::isLive);
        session.executor.execute(() ->
                safely(() -> facts.connected(chargePointId, version, transport.id(), now, transport.remoteAddress())));
    }

    /** The socket closed (by either side). */
    public void closed(String connectionId) {
        OcppSession session = byConnection.get(connectionId);
        if (session != null) {
            end(session, "closed");
        }
    }

    /** Any sign of life (a pong) without a message. */
    public void alive(String connectionId) {
        OcppSession session = byConnection.get(connectionId);
        if (session != null) {
            session.lastSeen = clock.instant();
        }
    }

    /** A text frame arrived; it is processed after the earlier frames of the same charger. */
    public void received(String connectionId, String text) {
        OcppSession session = byConnection.get(connectionId);
        if (session == null || session.ended.get()) {
            // Seen once in 10,000 fresh sessions of the benchmark (a first BootNotification never
            // processed); logged so that it shows whether the frame reached connect at all.
            LOG.warnf("dropped a frame of connection %s: no live session (%s)", connectionId, session);
            return;
        }
        Instant now = clock.instant();
        session.lastSeen = now;
        session.lastMessageAt = now;
        session.executor.execute(() -> process(session, text, now));
    }

    /**
     * Sends a CALL to a charger. Calls to one charger go one at a time (OCPP-J 1.6 section 4.1.1,
     * OCPP 2.0.1 Part 4 section 4.1.1: at most one outstanding CALL); later ones wait in order.
     */
    public CompletableFuture<CallOutcome> call(String chargePointId, String action, JsonNode payload) {
        return call(chargePointId, action, payload, null);
    }

    /**
     * Sends a CALL unless {@code notAfter} (may be null) has passed when its turn comes: then it
     * ends TIMED_OUT without being sent.
     */
    public CompletableFuture<CallOutcome> call(
            String chargePointId, String action, JsonNode payload, Instant notAfter) {
        OcppSession session = byCharger.get(chargePointId);
        if (session == null || session.ended.get()) {
            return CompletableFuture.completedFuture(
                    CallOutcome.failed(CallOutcome.Kind.OFFLINE, null, "charger not connected here"));
        }
        Optional<Violation> invalid = validator.validateRequest(session.version, action, payload);
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    action + " payload does not conform: " + invalid.get().description()));
        }
        CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();
        session.outgoing.add(
                new OcppSession.OutgoingCall(UUID.randomUUID().toString(), action, payload, notAfter, outcome));
        session.executor.execute(() -> sendNextCall(session));
        return outcome;
    }

    /** True while this instance holds a live session of the charger. */
    public boolean isLive(String chargePointId) {
        OcppSession session = byCharger.get(chargePointId);
        return session != null && !session.ended.get();
    }

    /** The OCPP version of the charger's live session here. */
    public Optional<OcppVersion> versionOf(String chargePointId) {
        OcppSession session = byCharger.get(chargePointId);
        return session == null || session.ended.get() ? Optional.empty() : Optional.of(session.version);
    }

    public List<SessionView> list() {
        return byCharger.values().stream()
                .map(this::view)
                .sorted(Comparator.comparing(SessionView::chargePointId))
                .toList();
    }

    public Optional<SessionView> find(String chargePointId) {
        return Optional.ofNullable(byCharger.get(chargePointId)).map(this::view);
    }

    private SessionView view(OcppSession session) {
        return new SessionView(
                session.chargePointId,
                session.version,
                session.id(),
                session.transport.remoteAddress(),
                session.connectedAt,
                session.lastMessageAt,
                chargers.bootStatus(session.chargePointId)
                        .map(BootStatus::ocppName)
                        .orElse(null));
    }

    private void process(OcppSession session, String text, Instant at) {
        safely(() -> facts.frame(session.chargePointId, session.version, session.id(), Direction.IN, text, at));
        Frame frame;
        try {
            frame = codec.parse(text);
        } catch (FrameException e) {
            LOG.debugf("%s sent a malformed frame: %s", session.chargePointId, e.getMessage());
            if (e.answerable()) {
                send(session, codec.callError(e.messageId(), e.error().wireName(session.version), e.getMessage()));
            } else if (session.inFlight != null && session.inFlight.messageId().equals(e.messageId())) {
                finishCall(session, CallOutcome.failed(CallOutcome.Kind.INVALID_RESPONSE, null, e.getMessage()));
            }
            return;
        }
        switch (frame) {
            case Frame.Call call -> answer(session, call);
            case Frame.CallResult result -> resultArrived(session, result);
            case Frame.CallError error -> errorArrived(session, error);
        }
    }

    private void answer(OcppSession session, Frame.Call call) {
        OcppSession.Fingerprint fingerprint = OcppSession.Fingerprint.of(call.action(), call.payload());
        OcppSession.Remembered earlier = session.recent(call.messageId());
        if (earlier != null) {
            // A repeated message id: the same CALL again is a retransmission and gets the same
            // answer without being processed twice; a different CALL reusing the id is refused
            // (message ids are unique per sender, OCPP-J 1.6 section 4.1.4, 2.0.1 Part 4 4.1.4).
            if (earlier.fingerprint().equals(fingerprint)) {
                LOG.debugf("%s repeated message %s, answering it again", session.chargePointId, call.messageId());
                send(session, earlier.response());
            } else {
                send(
                        session,
                        codec.callError(
                                call.messageId(),
                                RpcError.GENERIC_ERROR.wireName(session.version),
                                "MessageId already used for another message"));
            }
            return;
        }
        String response = respond(session, call);
        session.remember(call.messageId(), fingerprint, response);
        send(session, response);
    }

    private String respond(OcppSession session, Frame.Call call) {
        OcppVersion version = session.version;
        String action = call.action();
        if (!validator.knowsAction(version, action)) {
            return error(call, version, RpcError.NOT_IMPLEMENTED, "Unknown action " + action);
        }
        if (!OcppActions.sentByChargers(action)) {
            return error(call, version, RpcError.NOT_SUPPORTED, action + " is not sent by a charging station");
        }
        Optional<Violation> invalid = validator.validateRequest(version, action, call.payload());
        if (invalid.isPresent()) {
            return error(call, version, invalid.get().error(), invalid.get().description());
        }
        Optional<BootStatus> boot = chargers.bootStatus(session.chargePointId);
        if (!"BootNotification".equals(action) && boot.isPresent() && boot.get() != BootStatus.ACCEPTED) {
            // Until its boot is accepted a charger sends nothing but BootNotification: OCPP 1.6
            // section 4.2 (Pending: no requests unless triggered; Rejected: none until the interval
            // passed) and OCPP 2.0.1 B02.FR.xx / B03.FR.xx (Pending, Rejected). What the central
            // system answers anyway is not spelled out; connect answers SecurityError.
            return error(
                    call,
                    version,
                    RpcError.SECURITY_ERROR,
                    "Boot " + boot.get().ocppName() + ": only BootNotification is accepted");
        }
        Optional<CallHandler> handler = handlers.handler(version, action);
        if (handler.isEmpty()) {
            return error(call, version, RpcError.NOT_IMPLEMENTED, action + " is not implemented yet");
        }
        try {
            JsonNode result =
                    handler.get().handle(new CallContext(session.chargePointId, version, session.id()), call.payload());
            Optional<Violation> badAnswer = validator.validateResponse(version, action, result);
            if (badAnswer.isPresent()) {
                LOG.errorf(
                        "answer to %s %s fails its schema: %s",
                        session.chargePointId, action, badAnswer.get().description());
                return error(call, version, RpcError.INTERNAL_ERROR, "Could not build a valid answer");
            }
            return codec.callResult(call.messageId(), result);
        } catch (CallException e) {
            return error(call, version, e.error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s failed", session.chargePointId, action);
            return error(call, version, RpcError.INTERNAL_ERROR, "Internal error");
        }
    }

    private String error(Frame.Call call, OcppVersion version, RpcError error, String description) {
        return codec.callError(call.messageId(), error.wireName(version), description);
    }

    private void resultArrived(OcppSession session, Frame.CallResult result) {
        OcppSession.OutgoingCall call = session.inFlight;
        if (call == null || !call.messageId().equals(result.messageId())) {
            LOG.debugf(
                    "%s answered %s, which is not the outstanding call: ignored",
                    session.chargePointId, result.messageId());
            return;
        }
        Optional<Violation> invalid = validator.validateResponse(session.version, call.action(), result.payload());
        finishCall(
                session,
                invalid.isPresent()
                        ? CallOutcome.failed(
                                CallOutcome.Kind.INVALID_RESPONSE,
                                invalid.get().error().wireName(session.version),
                                invalid.get().description())
                        : CallOutcome.result(result.payload()));
    }

    private void errorArrived(OcppSession session, Frame.CallError error) {
        OcppSession.OutgoingCall call = session.inFlight;
        if (call == null || !call.messageId().equals(error.messageId())) {
            LOG.debugf(
                    "%s sent an error for %s, not the outstanding call: ignored",
                    session.chargePointId, error.messageId());
            return;
        }
        finishCall(session, CallOutcome.failed(CallOutcome.Kind.ERROR, error.errorCode(), error.description()));
    }

    private void sendNextCall(OcppSession session) {
        if (session.inFlight != null || session.ended.get()) {
            return;
        }
        OcppSession.OutgoingCall waiting = session.outgoing.poll();
        while (waiting != null && waiting.notAfter() != null && clock.instant().isAfter(waiting.notAfter())) {
            waiting.outcome()
                    .complete(CallOutcome.failed(
                            CallOutcome.Kind.TIMED_OUT,
                            null,
                            "deadline " + waiting.notAfter() + " passed before sending"));
            waiting = session.outgoing.poll();
        }
        if (waiting == null) {
            return;
        }
        OcppSession.OutgoingCall next = waiting;
        session.inFlight = next;
        session.inFlightTimeout = timer.schedule(
                () -> session.executor.execute(() -> {
                    if (session.inFlight == next) {
                        finishCall(session, CallOutcome.failed(CallOutcome.Kind.TIMED_OUT, null, "no answer in time"));
                    }
                }),
                settings.callTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        send(session, codec.call(next.messageId(), next.action(), next.payload()));
    }

    private void finishCall(OcppSession session, CallOutcome outcome) {
        OcppSession.OutgoingCall call = session.inFlight;
        session.inFlight = null;
        if (session.inFlightTimeout != null) {
            session.inFlightTimeout.cancel(false);
        }
        if (call != null) {
            call.outcome().complete(outcome);
        }
        sendNextCall(session);
    }

    private void send(OcppSession session, String text) {
        if (session.ended.get()) {
            return;
        }
        Instant at = clock.instant();
        try {
            session.transport.send(text);
        } catch (RuntimeException e) {
            LOG.debugf("could not send to %s: %s", session.chargePointId, e.getMessage());
            return;
        }
        safely(() -> facts.frame(session.chargePointId, session.version, session.id(), Direction.OUT, text, at));
    }

    /** Ends a session once: forgets it, fails its calls, publishes the disconnect. */
    private void end(OcppSession session, String reason) {
        if (!session.ended.compareAndSet(false, true)) {
            return;
        }
        byConnection.remove(session.id(), session);
        byCharger.remove(session.chargePointId, session);
        routing.sessionChanged(session.chargePointId, this::isLive);
        Instant at = clock.instant();
        session.executor.execute(() -> {
            CallOutcome offline = CallOutcome.failed(CallOutcome.Kind.OFFLINE, null, "charger disconnected");
            if (session.inFlight != null) {
                session.inFlight.outcome().complete(offline);
                session.inFlight = null;
            }
            session.drainOutgoing().forEach(call -> call.outcome().complete(offline));
            safely(() -> facts.disconnected(session.chargePointId, session.version, session.id(), at, reason));
        });
    }

    private void closeDeadSockets() {
        Instant limit = clock.instant().minus(settings.deadSocketTimeout());
        for (OcppSession session : byConnection.values()) {
            if (session.lastSeen.isBefore(limit)) {
                LOG.infof(
                        "%s: no message or pong since %s, closing its dead socket",
                        session.chargePointId, session.lastSeen);
                end(session, "dead");
                session.transport.close(GOING_AWAY, "No pong");
            }
        }
    }

    private static void safely(Runnable publication) {
        try {
            publication.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record a charger fact");
        }
    }
}
