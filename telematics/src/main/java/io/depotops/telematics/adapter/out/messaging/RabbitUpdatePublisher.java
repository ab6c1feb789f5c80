package io.depotops.telematics.adapter.out.messaging;

import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.telematics.adapter.out.messaging.CanonicalUpdates.InvalidUpdateException;
import io.depotops.telematics.application.UpdatePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes canonical updates as CloudEvents with publisher confirms, each checked against the
 * published JSON schema of {@link CanonicalVehicleUpdateV1} first: what core receives from here is
 * always a valid update. (Each message was checked alone before it was coalesced; this check
 * guards the coalesced update.)
 */
@ApplicationScoped
class RabbitUpdatePublisher implements UpdatePublisher {

    private final ConfirmingPublisher publisher;
    private final CanonicalUpdates canonical;

    RabbitUpdatePublisher(ConfirmingPublisher publisher, CanonicalUpdates canonical) {
        this.publisher = publisher;
        this.canonical = canonical;
    }

    @Override
    public List<String> publishAll(List<Update> updates) throws PublishFailedException {
        List<String> refusals = new ArrayList<>(updates.size());
        List<OutgoingMessage> valid = new ArrayList<>(updates.size());
        for (Update update : updates) {
            try {
                valid.add(message(update));
                refusals.add(null);
            } catch (InvalidUpdateException e) {
                refusals.add(e.getMessage());
            }
        }
        try {
            publisher.publishAll(valid);
        } catch (BrokerUnavailableException e) {
            throw new PublishFailedException(e.getMessage(), true);
        }
        return refusals;
    }

    private OutgoingMessage message(Update update) throws InvalidUpdateException {
        byte[] data = canonical.validBytes(update.client(), update.updateId(), update.observation());
        CloudEvent event = DepotopsEvents.create(
                CanonicalVehicleUpdateV1.TYPE,
                "/telematics",
                update.observation().deviceId(),
                update.client().workspaceId(),
                data);
        return new OutgoingMessage(
                Exchanges.EVENTS,
                CanonicalVehicleUpdateV1.TYPE,
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                Map.of());
    }
}
