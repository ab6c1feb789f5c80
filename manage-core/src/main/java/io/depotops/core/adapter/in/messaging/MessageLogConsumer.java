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
import java.util.List;

/** Every raw frame connect publishes, into the message log. */
@ApplicationScoped
class MessageLogConsumer {

    private final EventSubscriptions subscriptions;
    private final MessageLogService log;
    private final ObjectMapper json;

    MessageLogConsumer(EventSubscriptions subscriptions, MessageLogService log, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe(Queues.CORE_MESSAGE_LOG, List.of(EventTypes.CONNECT_OCPP_FRAME_V1), this::record);
    }

    void record(CloudEvent event) throws IOException {
        OcppFrameV1 frame = json.readValue(event.getData().toBytes(), OcppFrameV1.class);
        log.record(new OcppMessage(
                frame.chargePointId(),
                frame.at(),
                frame.direction(),
                frame.ocppVersion(),
                frame.sessionId(),
                frame.frame(),
                event.getId()));
    }
}
