package io.depotops.incidents.application.port;

import java.util.Collection;

/** The queue the rules read from: which event types reach it. */
public interface EventSource {

    /** Routes events of these types to the rules' queue (idempotent). */
    void bind(Collection<String> eventTypes);

    /** Stops routing events of these types to the rules' queue (idempotent). */
    void unbind(Collection<String> eventTypes);

    /** The broker could not be reached: the bindings stay as they were. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
