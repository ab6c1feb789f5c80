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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Canonical vehicle updates from the telematics service's streams, into the one ingest. */
@ApplicationScoped
class TelematicsIngestConsumer {

    private static final int BATCH = 200;
    private static final Duration BATCH_WAIT = Duration.ofMillis(20);

    private final EventSubscriptions subscriptions;
    private final TelematicsIngestService ingest;
    private final ObjectMapper json;

    TelematicsIngestConsumer(EventSubscriptions subscriptions, TelematicsIngestService ingest, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.ingest = ingest;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        // Thousands of updates a second: a batch per transaction (one live-state invalidation per
        // depot per batch); a failing batch falls back to one update at a time.
        subscriptions.subscribeBatches(
                Queues.CORE_TELEMATICS_INGEST,
                List.of(CanonicalVehicleUpdateV1.TYPE),
                BATCH,
                BATCH_WAIT,
                this::acceptAll,
                this::accept);
    }

    void acceptAll(List<CloudEvent> events) throws IOException {
        List<TelematicsIngestService.IncomingUpdate> updates = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            updates.add(CanonicalUpdates.toIncoming(
                    json.readValue(event.getData().toBytes(), CanonicalVehicleUpdateV1.class)));
        }
        ingest.ingestAll(updates);
    }

    void accept(CloudEvent event) throws IOException {
        CanonicalVehicleUpdateV1 update = json.readValue(event.getData().toBytes(), CanonicalVehicleUpdateV1.class);
        ingest.ingest(CanonicalUpdates.toIncoming(update));
    }
}
