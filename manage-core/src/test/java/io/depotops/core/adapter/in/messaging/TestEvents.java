package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import java.util.Map;

/** Publishes events on depotops.events as other services would, for core's consumers to take. */
final class TestEvents {

    private TestEvents() {}

    /** A new event with {@code data} as JSON, published with confirms; returns it. */
    static CloudEvent publish(
            ConfirmingPublisher publisher,
            ObjectMapper json,
            String type,
            String source,
            String subject,
            String workspaceId,
            Object data)
            throws Exception {
        CloudEvent event = DepotopsEvents.create(type, source, subject, workspaceId, json.writeValueAsBytes(data));
        publish(publisher, event);
        return event;
    }

    /** Publishes an event as it is (again, for a redelivery). */
    static void publish(ConfirmingPublisher publisher, CloudEvent event) throws Exception {
        publisher.publish(new OutgoingMessage(
                Exchanges.EVENTS,
                event.getType(),
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                Map.of()));
    }
}
