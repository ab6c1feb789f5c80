package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.DeliveryAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Durable notification deliveries and their attempts. In the caller's transaction. */
public interface DeliveryRepository {

    void insert(Delivery delivery);

    /**
     * Takes up to {@code limit} deliveries due at {@code now} (rows others hold are skipped) and
     * leases them: each counts an attempt and is not due again before {@code now + lease}, so a
     * sender that dies mid-send leaves it to be tried again, never lost.
     */
    List<Delivery> claimDue(Instant now, Duration lease, int limit);

    void update(Delivery delivery);

    void recordAttempt(DeliveryAttempt attempt);

    /**
     * For every open incident and channel with a repeat interval whose newest delivery is older
     * than the interval, a {@code REPEAT} delivery due now; returns how many.
     */
    int enqueueRepeats(Instant now);

    /** The workspace's deliveries, newest first, optionally of one incident, channel or status. */
    List<Delivery> list(UUID workspaceId, UUID incidentId, UUID channelId, Delivery.Status status, int limit);

    List<DeliveryAttempt> attempts(List<UUID> deliveryIds);
}
