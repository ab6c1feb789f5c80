package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.domain.OcppVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live connection of one charger. Its state is touched only by tasks of its {@link
 * SerialExecutor} (except the queue of outgoing calls and the last-seen time), so the messages of
 * a charger are processed one at a time, in order.
 */
final class OcppSession {

    /** An incoming CALL remembered for duplicate detection, with the answer that was sent. */
    record Remembered(Fingerprint fingerprint, String response) {}

    /**
     * A CALL's action and payload as a SHA-256 digest: remembering the last calls of 10,000
     * sessions costs 32 bytes each instead of their whole text.
     */
    record Fingerprint(byte[] digest) {

        static Fingerprint of(String action, JsonNode payload) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(action.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                return new Fingerprint(sha256.digest(payload.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fingerprint that && Arrays.equals(digest, that.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(digest);
        }
    }

    /** A CALL connect sends to the charger. */
    record OutgoingCall(
            String messageId,
            String action,
            JsonNode payload,
            Instant notAfter,
            CompletableFuture<CallOutcome> outcome) {}

    final String chargePointId;
    final OcppVersion version;
    final SessionTransport transport;
    final SerialExecutor executor;
    final Instant connectedAt;
    final AtomicBoolean ended = new AtomicBoolean();
    final Queue<OutgoingCall> outgoing = new ConcurrentLinkedQueue<>();
    private final Map<String, Remembered> recentIncoming;
    volatile Instant lastSeen;
    volatile Instant lastMessageAt;
    OutgoingCall inFlight;
    ScheduledFuture<?> inFlightTimeout;

    OcppSession(
            String chargePointId,
            OcppVersion version,
            SessionTransport transport,
            SerialExecutor executor,
            Instant now,
            int rememberedIds) {
        this.chargePointId = chargePointId;
        this.version = version;
        this.transport = transport;
        this.executor = executor;
        this.connectedAt = now;
        this.lastSeen = now;
        this.recentIncoming = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > rememberedIds;
            }
        };
    }

    String id() {
        return transport.id();
    }

    Remembered recent(String messageId) {
        return recentIncoming.get(messageId);
    }

    void remember(String messageId, Fingerprint fingerprint, String response) {
        recentIncoming.put(messageId, new Remembered(fingerprint, response));
    }

    Queue<OutgoingCall> drainOutgoing() {
        Queue<OutgoingCall> all = new ArrayDeque<>();
        OutgoingCall call;
        while ((call = outgoing.poll()) != null) {
            all.add(call);
        }
        return all;
    }
}
