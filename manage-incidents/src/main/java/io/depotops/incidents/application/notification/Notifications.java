package io.depotops.incidents.application.notification;

import io.depotops.incidents.application.port.DeliveryRepository;
import io.depotops.incidents.application.port.NotificationChannelRepository;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the deliveries an incident's change calls for, in the transaction of the change: one per
 * channel that routes the incident. A suppressed incident gets none; the sender checks again
 * before each send (a silence may have come since).
 */
@ApplicationScoped
public class Notifications {

    private final NotificationChannelRepository channels;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    Notifications(NotificationChannelRepository channels, DeliveryRepository deliveries, Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public void opened(Incident incident) {
        enqueue(incident, Delivery.Kind.OPENED);
    }

    public void resolved(Incident incident) {
        enqueue(incident, Delivery.Kind.RESOLVED);
    }

    private void enqueue(Incident incident, Delivery.Kind kind) {
        if (incident.suppression().suppressed()) {
            return;
        }
        Instant now = clock.instant();
        for (NotificationChannel channel : channels.list(incident.workspaceId())) {
            if (channel.routes(incident)) {
                deliveries.insert(Delivery.due(incident.workspaceId(), channel.id(), incident.id(), kind, now));
            }
        }
    }
}
