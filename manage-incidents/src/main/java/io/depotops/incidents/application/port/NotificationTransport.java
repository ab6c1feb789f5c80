package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.NotificationMessage;

/** Sends one delivery over its channel (webhook or email); blocking, bounded by a timeout. */
public interface NotificationTransport {

    /** @throws SendFailedException when the receiver did not accept it (the reason is recorded) */
    void send(NotificationChannel channel, Delivery delivery, Incident incident, NotificationMessage message)
            throws SendFailedException;

    class SendFailedException extends Exception {
        public SendFailedException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
