package io.depotops.incidents.domain.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of one incident to one channel, written in the transaction that changed the
 * incident and sent from this record: after a restart nothing is sent twice, except when the
 * service stopped between a send and its record; the stable {@code id} (a webhook header, the
 * email's Message-ID) lets a receiver drop that repeat.
 */
public record Delivery(
        UUID id,
        UUID workspaceId,
        UUID channelId,
        UUID incidentId,
        Kind kind,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant sentAt,
        String lastError) {

    public enum Kind {
        OPENED,
        REPEAT,
        RESOLVED
    }

    public enum Status {
        /** Waiting for its first attempt. */
        PENDING,
        /** Failed at least once; tried again at {@code nextAttemptAt}. */
        RETRYING,
        SENT,
        /** Given up after the channel's attempts. */
        DEAD,
        /** Not sent: the incident was silenced or inhibited when its turn came. */
        SUPPRESSED
    }

    public static Delivery due(UUID workspaceId, UUID channelId, UUID incidentId, Kind kind, Instant now) {
        return new Delivery(
                UUID.randomUUID(), workspaceId, channelId, incidentId, kind, Status.PENDING, 0, now, now, null, null);
    }

    public Delivery sent(Instant now) {
        return new Delivery(
                id, workspaceId, channelId, incidentId, kind, Status.SENT, attempts, now, createdAt, now, null);
    }

    /** A failed attempt ({@code attempts} counts it): tried again after the policy's pause, or dead. */
    public Delivery failed(String error, Instant now, RetryPolicy policy, int maxAttempts) {
        boolean dead = attempts >= maxAttempts;
        return new Delivery(
                id,
                workspaceId,
                channelId,
                incidentId,
                kind,
                dead ? Status.DEAD : Status.RETRYING,
                attempts,
                dead ? now : now.plus(policy.pauseAfter(attempts)),
                createdAt,
                null,
                error);
    }

    public Delivery suppressed(Instant now) {
        return new Delivery(
                id, workspaceId, channelId, incidentId, kind, Status.SUPPRESSED, attempts, now, createdAt, null, null);
    }

    public Delivery dead(String error, Instant now) {
        return new Delivery(
                id, workspaceId, channelId, incidentId, kind, Status.DEAD, attempts, now, createdAt, null, error);
    }
}
