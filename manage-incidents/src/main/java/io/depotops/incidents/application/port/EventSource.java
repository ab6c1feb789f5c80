package io.depotops.incidents.application.port;

import java.util.Collection;
import java.util.Set;

/** The queue the rules read from: which event types reach it. */
public interface EventSource {

    /** Routes events of these types to the rules' queue (idempotent). */
    void bind(Collection<String> eventTypes);

    /** Stops routing events of these types to the rules' queue (idempotent). */
    void unbind(Collection<String> eventTypes);

    /** Every event type published where the rules' queue listens, whether bound or not. */
    Set<String> knownEventTypes();

    /** The broker could not be reached: the bindings stay as they were. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
