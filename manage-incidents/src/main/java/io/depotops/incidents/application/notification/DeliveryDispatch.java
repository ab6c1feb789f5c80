package io.depotops.incidents.application.notification;

import io.depotops.incidents.application.incident.Suppressions;
import io.depotops.incidents.application.port.DeliveryRepository;
import io.depotops.incidents.application.port.IncidentRepository;
import io.depotops.incidents.application.port.NotificationChannelRepository;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.IncidentStatus;
import io.depotops.incidents.domain.incident.Suppression;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.DeliveryAttempt;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable side of sending: claims due deliveries (skipping rows another sender holds), checks
 * each incident's suppression again, and records every attempt with its outcome. The send itself
 * happens between {@link #claim} and {@link #record}, outside any transaction.
 */
@ApplicationScoped
public class DeliveryDispatch {

    /** A claimed delivery, ready to send. */
    public record Work(Delivery delivery, NotificationChannel channel, Incident incident) {}

    private final DeliveryRepository deliveries;
    private final NotificationChannelRepository channels;
    private final IncidentRepository incidents;
    private final Suppressions suppressions;
    private final Clock clock;
    private final RetryPolicy policy;
    private final Duration lease;

    DeliveryDispatch(
            DeliveryRepository deliveries,
            NotificationChannelRepository channels,
            IncidentRepository incidents,
            Suppressions suppressions,
            Clock clock,
            @ConfigProperty(name = "depotops.incidents.notifications.initial-backoff", defaultValue = "5s")
                    Duration initialBackoff,
            @ConfigProperty(name = "depotops.incidents.notifications.max-backoff", defaultValue = "10m")
                    Duration maxBackoff,
            @ConfigProperty(name = "depotops.incidents.notifications.lease", defaultValue = "60s") Duration lease) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.incidents = incidents;
        this.suppressions = suppressions;
        this.clock = clock;
        this.policy = new RetryPolicy(initialBackoff, maxBackoff);
        this.lease = lease;
    }

    @Transactional
    public List<Work> claim(int limit) {
        Instant now = clock.instant();
        List<Work> work = new ArrayList<>();
        for (Delivery delivery : deliveries.claimDue(now, lease, limit)) {
            Optional<NotificationChannel> channel = channels.find(delivery.workspaceId(), delivery.channelId());
            Optional<Incident> incident = incidents.find(delivery.workspaceId(), delivery.incidentId());
            if (channel.isEmpty() || incident.isEmpty()) {
                deliveries.update(delivery.dead("its channel or incident no longer exists", now));
                continue;
            }
            Incident current = incident.get();
            if (delivery.kind() == Delivery.Kind.REPEAT && current.status() != IncidentStatus.OPEN) {
                deliveries.update(delivery.suppressed(now)); // acknowledged or resolved since: no repeat
                continue;
            }
            if (delivery.kind() != Delivery.Kind.RESOLVED) {
                Suppression suppression = suppressions.of(current, now);
                if (!suppression.equals(current.suppression())) {
                    current = current.suppressedBy(suppression);
                    incidents.update(current);
                }
                if (suppression.suppressed()) {
                    deliveries.update(delivery.suppressed(now));
                    continue;
                }
            }
            work.add(new Work(delivery, channel.get(), current));
        }
        return work;
    }

    /** The outcome of one attempt: sent, or failed with {@code error} (then retried or dead). */
    @Transactional
    public Delivery record(Work work, String error) {
        Instant now = clock.instant();
        Delivery claimed = work.delivery();
        deliveries.recordAttempt(new DeliveryAttempt(claimed.id(), claimed.attempts(), now, error == null, error));
        Delivery next = error == null
                ? claimed.sent(now)
                : claimed.failed(error, now, policy, work.channel().maxAttempts());
        deliveries.update(next);
        return next;
    }

    @Transactional
    public int enqueueRepeats() {
        return deliveries.enqueueRepeats(clock.instant());
    }
}
