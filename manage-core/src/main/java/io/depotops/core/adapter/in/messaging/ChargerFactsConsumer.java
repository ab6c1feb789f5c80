package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.adapter.in.messaging.ChargerFactHandler.Fact;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manage-connect's charger facts, from core's queue, a batch of deliveries per transaction: the
 * batch is split by event type and each type's facts go to its {@link ChargerFactHandler} at once
 * (boot, status and connectivity as one set-based statement each), then the batch is acknowledged
 * after the commit. The queue's bindings and the dispatch come from the handlers' contract records.
 * When a batch fails, the subscription applies its deliveries one at a time (the same handlers with
 * a batch of one), so a poison message is parked alone and the others are applied.
 */
@ApplicationScoped
class ChargerFactsConsumer {

    private static final int BATCH = 200;
    private static final Duration BATCH_WAIT = Duration.ofMillis(20);

    private final EventSubscriptions subscriptions;
    private final ObjectMapper json;
    private final Map<String, ChargerFactHandler<?>> handlers = new LinkedHashMap<>();

    ChargerFactsConsumer(
            EventSubscriptions subscriptions, Instance<ChargerFactHandler<?>> handlers, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
        for (ChargerFactHandler<?> handler : handlers) {
            ChargerFactHandler<?> other = this.handlers.put(EventTypes.of(handler.dataType()), handler);
            if (other != null) {
                throw new IllegalStateException("two handlers of " + EventTypes.of(handler.dataType()));
            }
        }
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribeBatches(
                Queues.CORE_CHARGER_EVENTS,
                List.copyOf(handlers.keySet()),
                BATCH,
                BATCH_WAIT,
                this::applyAll,
                this::apply);
    }

    /** The event types this consumer binds and handles. */
    List<String> eventTypes() {
        return List.copyOf(handlers.keySet());
    }

    /**
     * A batch in one transaction: each type's facts in queue order, the types in the order they
     * first appear. Facts of different types touch different columns or aggregates, or are ordered
     * by their own times (connected and disconnected), so no order between the types is lost.
     */
    void applyAll(List<CloudEvent> events) {
        Map<String, List<CloudEvent>> byType = new LinkedHashMap<>();
        for (CloudEvent event : events) {
            if (handlers.containsKey(event.getType())) {
                byType.computeIfAbsent(event.getType(), type -> new ArrayList<>())
                        .add(event);
            }
            // else: bound by another version of this consumer, nothing to do with it here
        }
        QuarkusTransaction.joiningExisting()
                .run(() -> byType.forEach((type, ofType) -> applyAll(handlers.get(type), ofType)));
    }

    void apply(CloudEvent event) {
        applyAll(List.of(event));
    }

    private <T> void applyAll(ChargerFactHandler<T> handler, List<CloudEvent> events) {
        List<Fact<T>> facts = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            try {
                byte[] data =
                        event.getData() == null ? new byte[0] : event.getData().toBytes();
                facts.add(Fact.of(event, json.readValue(data, handler.dataType())));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "unreadable " + event.getType() + " " + event.getId() + ": " + e.getMessage(), e);
            }
        }
        handler.applyAll(facts);
    }
}
