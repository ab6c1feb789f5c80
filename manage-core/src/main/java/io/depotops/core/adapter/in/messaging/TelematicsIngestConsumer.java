package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.messaging.Queues;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.core.adapter.CanonicalUpdates;
import io.depotops.core.application.TelematicsIngestService;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;

/** Canonical vehicle updates from the telematics service's streams, into the one ingest. */
@ApplicationScoped
class TelematicsIngestConsumer {

    private final EventSubscriptions subscriptions;
    private final TelematicsIngestService ingest;
    private final ObjectMapper json;

    TelematicsIngestConsumer(EventSubscriptions subscriptions, TelematicsIngestService ingest, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.ingest = ingest;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe(Queues.CORE_TELEMATICS_INGEST, List.of(CanonicalVehicleUpdateV1.TYPE), this::accept);
    }

    void accept(CloudEvent event) throws IOException {
        CanonicalVehicleUpdateV1 update = json.readValue(event.getData().toBytes(), CanonicalVehicleUpdateV1.class);
        ingest.ingest(CanonicalUpdates.toIncoming(update));
    }
}
