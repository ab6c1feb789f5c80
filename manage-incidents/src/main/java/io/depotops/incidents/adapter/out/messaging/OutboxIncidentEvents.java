package io.depotops.incidents.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.incidents.IncidentAcknowledgedV1;
import io.depotops.contracts.events.incidents.IncidentOpenedV1;
import io.depotops.contracts.events.incidents.IncidentResolvedV1;
import io.depotops.incidents.application.port.IncidentEvents;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.Transition;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Incident events as CloudEvents through the outbox, in the transaction that changed the incident. */
@ApplicationScoped
class OutboxIncidentEvents implements IncidentEvents {

    static final String SOURCE = "/manage-incidents";
    private static final String AGGREGATE = "incident";

    private final Outbox outbox;
    private final ObjectMapper json;

    OutboxIncidentEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public void opened(Incident incident, Transition transition) {
        append(
                EventTypes.INCIDENTS_INCIDENT_OPENED_V1,
                incident,
                new IncidentOpenedV1(
                        incident.id().toString(),
                        incident.workspaceId().toString(),
                        incident.ruleId().toString(),
                        incident.ruleName(),
                        incident.dedupKey(),
                        incident.severity().name(),
                        incident.subject(),
                        incident.resourceType(),
                        incident.siteId(),
                        incident.labels(),
                        incident.pendingSince(),
                        incident.openedAt()));
    }

    @Override
    public void acknowledged(Incident incident, Transition transition) {
        append(
                EventTypes.INCIDENTS_INCIDENT_ACKNOWLEDGED_V1,
                incident,
                new IncidentAcknowledgedV1(
                        incident.id().toString(),
                        incident.workspaceId().toString(),
                        incident.ruleId().toString(),
                        incident.severity().name(),
                        transition.actor(),
                        transition.at(),
                        transition.reason()));
    }

    @Override
    public void resolved(Incident incident, Transition transition) {
        append(
                EventTypes.INCIDENTS_INCIDENT_RESOLVED_V1,
                incident,
                new IncidentResolvedV1(
                        incident.id().toString(),
                        incident.workspaceId().toString(),
                        incident.ruleId().toString(),
                        incident.severity().name(),
                        incident.autoResolved(),
                        transition.actor(),
                        transition.at(),
                        transition.reason()));
    }

    private void append(String type, Incident incident, Object data) {
        String id = incident.id().toString();
        try {
            outbox.append(OutboxMessage.event(
                    DepotopsEvents.create(
                            type, SOURCE, id, incident.workspaceId().toString(), json.writeValueAsBytes(data)),
                    AGGREGATE,
                    id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " could not be written", e);
        }
    }
}
