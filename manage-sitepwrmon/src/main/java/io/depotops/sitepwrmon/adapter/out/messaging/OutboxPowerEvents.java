package io.depotops.sitepwrmon.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.sitepwrmon.LimitApproachingV1;
import io.depotops.contracts.events.sitepwrmon.LimitExceededV1;
import io.depotops.contracts.events.sitepwrmon.MeterSilentV1;
import io.depotops.contracts.events.sitepwrmon.NodeLoadV1;
import io.depotops.contracts.events.sitepwrmon.PhaseAmpsV1;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import io.depotops.sitepwrmon.application.port.PowerEvents;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.limit.LoadAssessment;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The service's events as CloudEvents through the outbox, in the transaction that decided them. */
@ApplicationScoped
class OutboxPowerEvents implements PowerEvents {

    static final String SOURCE = "/manage-sitepwrmon";

    private final Outbox outbox;
    private final ObjectMapper json;

    OutboxPowerEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public void nodeLoad(PowerNode node, Reading reading, LoadAssessment a) {
        append(
                EventTypes.of(NodeLoadV1.class),
                "node",
                node.id().toString(),
                node.workspaceId(),
                new NodeLoadV1(
                        node.id().toString(),
                        node.workspaceId().toString(),
                        node.siteId().toString(),
                        reading.meterId(),
                        reading.time(),
                        a.loadKw(),
                        amps(a.currentA()),
                        a.limitKw(),
                        amps(a.limitA()),
                        a.headroomKw(),
                        amps(a.headroomA()),
                        a.signal() == null ? null : a.signal().id().toString(),
                        a.state().name()));
    }

    @Override
    public void limitApproaching(PowerNode node, Reading reading, LoadAssessment a) {
        append(
                EventTypes.of(LimitApproachingV1.class),
                "node",
                node.id().toString(),
                node.workspaceId(),
                new LimitApproachingV1(
                        node.id().toString(),
                        node.workspaceId().toString(),
                        node.siteId().toString(),
                        reading.time(),
                        a.loadKw(),
                        amps(a.currentA()),
                        a.limitKw(),
                        amps(a.limitA()),
                        a.binding().name(),
                        a.utilisation(),
                        a.signal() == null ? null : a.signal().id().toString()));
    }

    @Override
    public void limitExceeded(PowerNode node, Reading reading, LoadAssessment a) {
        append(
                EventTypes.of(LimitExceededV1.class),
                "node",
                node.id().toString(),
                node.workspaceId(),
                new LimitExceededV1(
                        node.id().toString(),
                        node.workspaceId().toString(),
                        node.siteId().toString(),
                        reading.time(),
                        a.loadKw(),
                        amps(a.currentA()),
                        a.limitKw(),
                        amps(a.limitA()),
                        a.binding().name(),
                        a.utilisation(),
                        a.signal() == null ? null : a.signal().id().toString()));
    }

    @Override
    public void meterSilent(Meter meter, PowerNode node, Instant detectedAt) {
        append(
                EventTypes.of(MeterSilentV1.class),
                "meter",
                meter.meterId(),
                meter.workspaceId(),
                new MeterSilentV1(
                        meter.meterId(),
                        meter.workspaceId().toString(),
                        meter.nodeId().toString(),
                        node == null ? null : node.siteId().toString(),
                        meter.protocol().name(),
                        meter.lastSeenAt(),
                        meter.silentAfterSeconds(),
                        detectedAt));
    }

    private static PhaseAmpsV1 amps(PhaseValues values) {
        return values == null || values.isEmpty() ? null : new PhaseAmpsV1(values.l1(), values.l2(), values.l3());
    }

    private void append(String type, String aggregate, String subject, UUID workspaceId, Object data) {
        try {
            outbox.append(OutboxMessage.event(
                    DepotopsEvents.create(type, SOURCE, subject, workspaceId.toString(), json.writeValueAsBytes(data)),
                    aggregate,
                    subject));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " could not be written", e);
        }
    }
}
