package io.depotops.platform.outbox;

import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import java.util.Objects;

/**
 * A message to publish once the current transaction commits. Messages of one aggregate are
 * published in the order they were appended.
 */
public record OutboxMessage(
        String messageId,
        String aggregateType,
        String aggregateId,
        String exchange,
        String routingKey,
        String contentType,
        byte[] body) {

    public OutboxMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** A domain event for {@code depotops.events}, routed by its type. */
    public static OutboxMessage event(CloudEvent event, String aggregateType, String aggregateId) {
        return new OutboxMessage(
                event.getId(),
                aggregateType,
                aggregateId,
                Exchanges.EVENTS,
                event.getType(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event));
    }
}
