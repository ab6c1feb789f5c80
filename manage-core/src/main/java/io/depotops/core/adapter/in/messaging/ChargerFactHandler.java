package io.depotops.core.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.List;

/**
 * Applies the facts of one event type, a batch at a time, in the caller's transaction. The event
 * type is the one the data record names ({@link io.depotops.contracts.events.EventType}), so the
 * consumer's bindings and dispatch follow from its handlers.
 */
interface ChargerFactHandler<T> {

    /** The contract record of the event's data. */
    Class<T> dataType();

    /** The facts in queue order; throwing means none of them was applied. */
    void applyAll(List<Fact<T>> facts);

    /** A fact as delivered: its message id, the event's time (a fallback for the fact's own) and data. */
    record Fact<T>(String messageId, Instant eventTime, T data) {

        static <T> Fact<T> of(CloudEvent event, T data) {
            return new Fact<>(
                    event.getId(),
                    event.getTime() == null ? Instant.now() : event.getTime().toInstant(),
                    data);
        }
    }
}
