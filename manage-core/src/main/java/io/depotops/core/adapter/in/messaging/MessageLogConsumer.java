package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.OcppFrameV1;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.application.MessageLogService;
import io.depotops.core.domain.OcppMessage;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every raw frame connect publishes, into the message log. */
@ApplicationScoped
class MessageLogConsumer {

    private static final int BATCH = 100;
    private static final Duration BATCH_WAIT = Duration.ofMillis(20);

    private final EventSubscriptions subscriptions;
    private final MessageLogService log;
    private final ObjectMapper json;

    MessageLogConsumer(EventSubscriptions subscriptions, MessageLogService log, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        // Two frames per OCPP message of every charger: written 25 to a request, in batches.
        subscriptions.subscribeBatches(
                Queues.CORE_MESSAGE_LOG,
                List.of(EventTypes.CONNECT_OCPP_FRAME_V1),
                BATCH,
                BATCH_WAIT,
                this::recordAll,
                this::record);
    }

    void recordAll(List<CloudEvent> events) throws IOException {
        List<OcppMessage> messages = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            messages.add(message(event));
        }
        log.recordAll(messages);
    }

    void record(CloudEvent event) throws IOException {
        log.record(message(event));
    }

    private OcppMessage message(CloudEvent event) throws IOException {
        OcppFrameV1 frame = json.readValue(event.getData().toBytes(), OcppFrameV1.class);
        return new OcppMessage(
                frame.chargePointId(),
                frame.at(),
                frame.direction(),
                frame.ocppVersion(),
                frame.sessionId(),
                frame.frame(),
                event.getId());
    }
}
