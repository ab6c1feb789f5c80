package io.depotops.chargepointsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A charge point under the test's control: one websocket, frames sent as given (raw or as CALLs)
 * and every frame from the CSMS kept in arrival order until the test takes it. {@link #call} waits
 * for the answer and leaves the CSMS's own CALLs in the inbox for {@link #nextCall}; with {@link
 * #answerCallsWith} those are answered instead. It does nothing by itself: no boot, no heartbeat,
 * no reconnect ({@link SimulatedChargePoint} does those).
 */
public final class OcppClient implements AutoCloseable {

    /** How long {@link #call} and {@link #exchange} wait for the answer. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final OcppSocket socket;
    private final LinkedList<String> inbox;
    private final CompletableFuture<Integer> closed;
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile Responder responder;

    private OcppClient(OcppSocket socket, LinkedList<String> inbox, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.inbox = inbox;
        this.closed = closed;
    }

    /**
     * Opens the websocket of {@code chargePointId} at {@code csmsUrl} (e.g. {@code
     * ws://host:8081/ocpp/}), with basic auth when a password is given and the subprotocols in
     * order of preference (none: no Sec-WebSocket-Protocol header).
     *
     * @throws HandshakeRefused with the HTTP status when the CSMS refuses the upgrade
     */
    public static OcppClient connect(URI csmsUrl, String chargePointId, String password, String... subprotocols)
            throws Exception {
        return connect(HttpClient.newHttpClient(), csmsUrl, chargePointId, password, subprotocols);
    }

    /** As {@link #connect}, over TLS (wss) trusting what {@code trust} trusts (security profile 2). */
    public static OcppClient connectTls(
            URI csmsUrl, SSLContext trust, String chargePointId, String password, String... subprotocols)
            throws Exception {
        URI wss = URI.create("wss://" + csmsUrl.getRawAuthority() + csmsUrl.getRawPath());
        return connect(HttpClient.newBuilder().sslContext(trust).build(), wss, chargePointId, password, subprotocols);
    }

    public static OcppClient connect(
            HttpClient http, URI csmsUrl, String chargePointId, String password, String... subprotocols)
            throws Exception {
        LinkedList<String> inbox = new LinkedList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        OcppClient[] self = new OcppClient[1];
        OcppSocket.Handler handler = new OcppSocket.Handler() {
            @Override
            public void onFrame(OcppSocket source, String text) {
                OcppClient client = self[0];
                if (client != null && client.answered(text)) {
                    return;
                }
                synchronized (inbox) {
                    inbox.add(text);
                    inbox.notifyAll();
                }
            }

            @Override
            public void onClosed(OcppSocket source, int code, String reason) {
                closed.complete(code);
            }
        };
        Endpoint endpoint = new Endpoint(csmsUrl, chargePointId, password, List.of(subprotocols));
        try {
            OcppSocket socket = OcppSocket.open(http, endpoint, CONNECT_TIMEOUT, handler)
                    .get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            self[0] = new OcppClient(socket, inbox, closed);
            return self[0];
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HandshakeRefused refused) {
                throw refused;
            }
            throw e;
        }
    }

    /** From now on the CSMS's CALLs are answered by {@code responder} and not kept in the inbox. */
    public OcppClient answerCallsWith(Responder responder) {
        this.responder = responder;
        return this;
    }

    private boolean answered(String text) {
        Responder current = responder;
        if (current == null) {
            return false;
        }
        JsonNode frame = Frames.parse(text);
        if (!Frames.isCall(frame)) {
            return false;
        }
        String id = frame.get(1).asText();
        switch (current.answer(version(), frame.path(2).asText(), frame.path(3))) {
            case Responder.Reply.Result result -> sendRaw(Frames.callResult(id, result.payloadJson()));
            case Responder.Reply.Error error -> sendRaw(Frames.callError(id, error.code(), error.description()));
            case Responder.Reply.Silence silence -> {}
        }
        return true;
    }

    /** The subprotocol the CSMS selected. */
    public String subprotocol() {
        return socket.subprotocol();
    }

    public OcppVersion version() {
        return OcppVersion.ofSubprotocol(subprotocol());
    }

    /** Sends any text as one frame. */
    public void sendRaw(String text) {
        socket.send(text).join();
    }

    /**
     * Sends a CALL with this message id and returns the CSMS's answer, a CALLRESULT or CALLERROR
     * frame as a JSON array; fails when the answer names another message id.
     */
    public JsonNode call(String messageId, String action, String payloadJson) throws Exception {
        JsonNode answer = exchange(Frames.call(messageId, action, payloadJson));
        if (!answer.path(1).asText().equals(messageId)) {
            throw new IllegalStateException("answer to another message than " + messageId + ": " + answer);
        }
        return answer;
    }

    /** {@link #call(String, String, String)} with the next message id of this client. */
    public JsonNode call(String action, String payloadJson) throws Exception {
        return call("m" + messageIds.incrementAndGet(), action, payloadJson);
    }

    /** The payload of the CALLRESULT to this CALL; fails on a CALLERROR. */
    public JsonNode callResult(String action, String payloadJson) throws Exception {
        JsonNode answer = call(action, payloadJson);
        if (Frames.typeOf(answer) != Frames.CALL_RESULT) {
            throw new IllegalStateException(action + " was not answered with a CALLRESULT: " + answer);
        }
        return answer.get(2);
    }

    /** Sends any text and returns the next frame that is not a CALL of the CSMS. */
    public JsonNode exchange(String text) throws Exception {
        sendRaw(text);
        return take(frame -> !Frames.isCall(frame), ANSWER_TIMEOUT, "answer to " + text);
    }

    /** The next frame from the CSMS, whatever it is. */
    public JsonNode next(Duration timeout) throws Exception {
        return take(frame -> true, timeout, "frame");
    }

    /** The next frame from the CSMS as text, or null when none came within {@code timeout}. */
    public String poll(Duration timeout) throws InterruptedException {
        return remove(frame -> true, timeout);
    }

    /** The next CALL of the CSMS: [2, id, action, payload]. */
    public JsonNode nextCall(Duration timeout) throws Exception {
        return take(Frames::isCall, timeout, "CALL");
    }

    /** The next CALL of the CSMS with this action; other frames stay in the inbox. */
    public JsonNode expectCall(String action, Duration timeout) throws Exception {
        return take(frame -> Frames.isCall(frame) && frame.path(2).asText().equals(action), timeout, action + " CALL");
    }

    /** Answers a CALL of the CSMS with a CALLRESULT. */
    public void reply(JsonNode call, String payloadJson) {
        sendRaw(Frames.callResult(call.get(1).asText(), payloadJson));
    }

    /** Answers a CALL of the CSMS with a CALLERROR. */
    public void replyError(JsonNode call, String code, String description) {
        sendRaw(Frames.callError(call.get(1).asText(), code, description));
    }

    /** Completes with the close code once the socket is closed (-1: failed without a close frame). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frames received and not taken yet. */
    public List<String> pending() {
        synchronized (inbox) {
            return new ArrayList<>(inbox);
        }
    }

    private JsonNode take(Predicate<JsonNode> wanted, Duration timeout, String what) throws Exception {
        String text = remove(wanted, timeout);
        if (text == null) {
            throw new TimeoutException("no " + what + " from the CSMS within " + timeout + "; inbox: " + pending());
        }
        return Frames.parse(text);
    }

    private String remove(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (inbox) {
            while (true) {
                for (Iterator<String> it = inbox.iterator(); it.hasNext(); ) {
                    String text = it.next();
                    if (wanted.test(Frames.parse(text))) {
                        it.remove();
                        return text;
                    }
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(inbox, left);
            }
        }
    }

    /** Closes with 1000 and waits a little for the CSMS to confirm, then drops the connection. */
    @Override
    public void close() {
        socket.close("bye");
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the CSMS did not confirm the close: drop the connection anyway
        }
        socket.abort();
    }

    /** Drops the connection without a closing handshake, as a lost link does. */
    public void abort() {
        socket.abort();
    }
}
