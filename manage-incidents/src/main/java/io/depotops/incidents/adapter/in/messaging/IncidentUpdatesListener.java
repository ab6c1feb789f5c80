package io.depotops.incidents.adapter.in.messaging;

import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.incidents.application.incident.IncidentUpdates;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Hears this service's own {@code incidents.incident.*} events (published through the outbox, so
 * only committed changes) on an instance-private queue and hands them to the live watchers.
 */
@ApplicationScoped
class IncidentUpdatesListener {

    /** Every incident event this service publishes (OutboxIncidentEvents). */
    static final List<String> TYPES = List.of(
            EventTypes.INCIDENTS_INCIDENT_OPENED_V1,
            EventTypes.INCIDENTS_INCIDENT_ACKNOWLEDGED_V1,
            EventTypes.INCIDENTS_INCIDENT_RESOLVED_V1);

    private final EventSubscriptions subscriptions;
    private final IncidentUpdates updates;

    IncidentUpdatesListener(EventSubscriptions subscriptions, IncidentUpdates updates) {
        this.subscriptions = subscriptions;
        this.updates = updates;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.watch("incident-updates", TYPES, this::hand);
    }

    private void hand(CloudEvent event) {
        String workspace = DepotopsEvents.workspaceOf(event);
        if (workspace == null || event.getData() == null) {
            return;
        }
        updates.publish(
                UUID.fromString(workspace),
                new IncidentUpdates.Update(
                        event.getType(),
                        event.getId(),
                        new String(event.getData().toBytes(), StandardCharsets.UTF_8)));
    }
}
