package io.depotops.incidents.adapter.out.notification;

import io.depotops.incidents.application.port.NotificationTransport;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.NotificationMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Picks the transport of the channel's type. */
@ApplicationScoped
class ChannelTransports implements NotificationTransport {

    private final WebhookTransport webhook;
    private final EmailTransport email;

    ChannelTransports(WebhookTransport webhook, EmailTransport email) {
        this.webhook = webhook;
        this.email = email;
    }

    @Override
    public void send(NotificationChannel channel, Delivery delivery, Incident incident, NotificationMessage message)
            throws SendFailedException {
        switch (channel.type()) {
            case WEBHOOK -> webhook.send(channel, delivery, incident, message);
            case EMAIL -> email.send(channel, delivery, message);
        }
    }
}
