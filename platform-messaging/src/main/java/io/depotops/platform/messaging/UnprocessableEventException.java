package io.depotops.platform.messaging;

/**
 * Thrown by an event handler for an event it can never process (it names no tenant, its data is
 * not what its type promises): {@link EventSubscriptions} parks it on the dead-letter exchange at
 * once with this message as the reason, without the retries meant for passing faults.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason, null, false, false);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
