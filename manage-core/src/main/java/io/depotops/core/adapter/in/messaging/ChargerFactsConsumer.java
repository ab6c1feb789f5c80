package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.ChargerConnectedV1;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.application.ChargerFactsService;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** manage-connect's charger facts, from core's queue, into {@link ChargerFactsService}. */
@ApplicationScoped
class ChargerFactsConsumer {

    private final EventSubscriptions subscriptions;
    private final ChargerFactsService facts;
    private final ObjectMapper json;

    ChargerFactsConsumer(EventSubscriptions subscriptions, ChargerFactsService facts, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.facts = facts;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe(
                Queues.CORE_CHARGER_EVENTS,
                List.of(
                        EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                        EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                        EventTypes.CONNECT_CHARGER_DISCONNECTED_V1),
                this::apply);
    }

    void apply(CloudEvent event) throws IOException {
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        switch (event.getType()) {
            case EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1 -> {
                ChargerStatusChangedV1 status = json.readValue(data, ChargerStatusChangedV1.class);
                Instant at = status.timestamp() != null ? status.timestamp() : observedAt(event);
                facts.statusReported(
                        event.getId(),
                        status.chargePointId(),
                        status.evseId(),
                        status.connectorId(),
                        status.status(),
                        at);
            }
            case EventTypes.CONNECT_CHARGER_CONNECTED_V1 -> {
                ChargerConnectedV1 connected = json.readValue(data, ChargerConnectedV1.class);
                facts.connectivityChanged(event.getId(), connected.chargePointId(), true, connected.connectedAt());
            }
            case EventTypes.CONNECT_CHARGER_DISCONNECTED_V1 -> {
                ChargerDisconnectedV1 gone = json.readValue(data, ChargerDisconnectedV1.class);
                facts.connectivityChanged(event.getId(), gone.chargePointId(), false, gone.disconnectedAt());
            }
            default -> {
                // Bound by another version of this consumer: nothing to do with it here.
            }
        }
    }

    private static Instant observedAt(CloudEvent event) {
        return event.getTime() == null ? Instant.now() : event.getTime().toInstant();
    }
}
