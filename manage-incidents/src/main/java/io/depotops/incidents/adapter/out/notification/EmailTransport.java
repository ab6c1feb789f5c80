package io.depotops.incidents.adapter.out.notification;

import io.depotops.incidents.application.port.NotificationTransport.SendFailedException;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.NotificationMessage;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends the notification as a plain text email over SMTP (quarkus-mailer), Message-ID = delivery id. */
@ApplicationScoped
class EmailTransport {

    /** The right-hand side of every Message-ID this service writes. */
    static final String MESSAGE_ID_DOMAIN = "incidents.depotops";

    private final ReactiveMailer mailer;
    private final Duration timeout;

    EmailTransport(
            ReactiveMailer mailer,
            @ConfigProperty(name = "depotops.incidents.notifications.email-timeout", defaultValue = "10s")
                    Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    void send(NotificationChannel channel, Delivery delivery, NotificationMessage message) throws SendFailedException {
        Mail mail = new Mail()
                .setTo(channel.emailTo())
                .setSubject(message.subject())
                .setText(message.text())
                .addHeader("Message-ID", messageId(delivery));
        try {
            mailer.send(mail).await().atMost(timeout);
        } catch (RuntimeException e) {
            throw new SendFailedException("SMTP: " + e.getMessage(), e);
        }
    }

    static String messageId(Delivery delivery) {
        return "<" + delivery.id() + "@" + MESSAGE_ID_DOMAIN + ">";
    }
}
