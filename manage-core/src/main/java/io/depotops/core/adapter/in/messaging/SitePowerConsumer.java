package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.sitepwrmon.LimitExceededV1;
import io.depotops.contracts.events.sitepwrmon.NodeLoadV1;
import io.depotops.contracts.events.sitepwrmon.PhaseAmpsV1;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.application.load.LoadManagementService;
import io.depotops.core.application.load.LoadManagementService.NodeLoadReport;
import io.depotops.core.domain.load.PhaseAmps;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * sitepwrmon's node loads (and limit-exceeded, which carries the load that crossed the limit) into
 * load management. Queue bound by the contract records' event types; batches, each site allocated
 * once per batch; a failing batch is applied one event at a time.
 */
@ApplicationScoped
class SitePowerConsumer {

    private static final int BATCH = 200;
    private static final Duration BATCH_WAIT = Duration.ofMillis(20);
    private static final String NODE_LOAD =
            NodeLoadV1.class.getAnnotation(EventType.class).value();
    private static final String LIMIT_EXCEEDED =
            LimitExceededV1.class.getAnnotation(EventType.class).value();

    private final EventSubscriptions subscriptions;
    private final LoadManagementService loads;
    private final ObjectMapper json;

    SitePowerConsumer(EventSubscriptions subscriptions, LoadManagementService loads, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.loads = loads;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribeBatches(
                Queues.of("core", "site-power"),
                List.of(NODE_LOAD, LIMIT_EXCEEDED),
                BATCH,
                BATCH_WAIT,
                this::acceptAll,
                this::accept);
    }

    void acceptAll(List<CloudEvent> events) throws IOException {
        List<NodeLoadReport> reports = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            reports.add(report(event));
        }
        loads.nodeLoadsReported(reports);
    }

    void accept(CloudEvent event) throws IOException {
        loads.nodeLoadsReported(List.of(report(event)));
    }

    private NodeLoadReport report(CloudEvent event) throws IOException {
        byte[] data = event.getData().toBytes();
        if (LIMIT_EXCEEDED.equals(event.getType())) {
            LimitExceededV1 exceeded = json.readValue(data, LimitExceededV1.class);
            return new NodeLoadReport(
                    event.getId(),
                    exceeded.workspaceId(),
                    exceeded.siteId(),
                    exceeded.nodeId(),
                    exceeded.measuredAt(),
                    exceeded.loadKw(),
                    exceeded.limitKw(),
                    amps(exceeded.currentA()),
                    amps(exceeded.limitA()));
        }
        NodeLoadV1 load = json.readValue(data, NodeLoadV1.class);
        return new NodeLoadReport(
                event.getId(),
                load.workspaceId(),
                load.siteId(),
                load.nodeId(),
                load.measuredAt(),
                load.loadKw(),
                load.limitKw(),
                amps(load.currentA()),
                amps(load.limitA()));
    }

    private static PhaseAmps amps(PhaseAmpsV1 amps) {
        return amps == null ? PhaseAmps.NONE : new PhaseAmps(amps.l1(), amps.l2(), amps.l3());
    }
}
