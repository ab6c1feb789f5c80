package io.depotops.incidents.application.notification;

import io.depotops.incidents.application.ConflictException;
import io.depotops.incidents.application.InvalidInputException;
import io.depotops.incidents.application.NotFoundException;
import io.depotops.incidents.application.port.DeliveryRepository;
import io.depotops.incidents.application.port.NotificationChannelRepository;
import io.depotops.incidents.domain.label.LabelMatcher;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.DeliveryAttempt;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.rule.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Admins manage a workspace's notification channels; everyone reads the delivery log. */
@ApplicationScoped
public class ChannelService {

    public record ChannelDraft(
            String name,
            NotificationChannel.ChannelType type,
            URI webhookUrl,
            String webhookSecret,
            List<String> emailTo,
            List<LabelMatcher> matchers,
            Severity minSeverity,
            Duration repeatInterval,
            int maxAttempts) {}

    /** A delivery with its attempts, oldest attempt first. */
    public record DeliveryLog(Delivery delivery, List<DeliveryAttempt> attempts) {}

    private final NotificationChannelRepository channels;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    ChannelService(NotificationChannelRepository channels, DeliveryRepository deliveries, Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional
    public NotificationChannel create(UUID workspaceId, ChannelDraft draft) {
        NotificationChannel channel;
        try {
            channel = new NotificationChannel(
                    UUID.randomUUID(),
                    workspaceId,
                    draft.name(),
                    draft.type(),
                    draft.webhookUrl(),
                    draft.webhookSecret(),
                    draft.emailTo(),
                    draft.matchers(),
                    draft.minSeverity(),
                    draft.repeatInterval(),
                    draft.maxAttempts(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.from(e);
        }
        if (!channels.insert(channel)) {
            throw new ConflictException("name", "another channel of this workspace is named '" + draft.name() + "'");
        }
        return channel;
    }

    @Transactional
    public List<NotificationChannel> list(UUID workspaceId) {
        return channels.list(workspaceId);
    }

    @Transactional
    public NotificationChannel get(UUID workspaceId, UUID id) {
        return channels.find(workspaceId, id).orElseThrow(() -> new NotFoundException("notification channel", id));
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        if (!channels.delete(workspaceId, id)) {
            throw new NotFoundException("notification channel", id);
        }
    }

    @Transactional
    public List<DeliveryLog> deliveries(
            UUID workspaceId, UUID incidentId, UUID channelId, Delivery.Status status, int limit) {
        List<Delivery> found = deliveries.list(workspaceId, incidentId, channelId, status, limit);
        Map<UUID, List<DeliveryAttempt>> attempts =
                deliveries.attempts(found.stream().map(Delivery::id).toList()).stream()
                        .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId));
        return found.stream()
                .map(d -> new DeliveryLog(d, attempts.getOrDefault(d.id(), List.of())))
                .toList();
    }
}
