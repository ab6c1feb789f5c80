package io.depotops.incidents.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Queues;
import io.depotops.incidents.application.incident.EventEvaluation;
import io.depotops.incidents.application.incident.IncomingEvent;
import io.depotops.incidents.application.incident.UnreadableEventException;
import io.depotops.incidents.application.port.StoreHealth;
import io.depotops.incidents.application.rule.RuleInputs;
import io.depotops.platform.messaging.EventSubscriptions;
import io.depotops.platform.messaging.UnprocessableEventException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The rules' input: the events some rule reads (see {@link RuleInputs}) from {@code
 * depotops.events}, through the durable queue {@code depotops.incidents.events} (dead-lettered to
 * {@code depotops.dlx}), in batches in queue order. An event no rule can read (no workspace can be told, data that is not a JSON
 * object) is parked at once with the reason. While the incidents database is away the delivery is
 * held, unacknowledged, and processed when it is back: a database outage never parks events.
 */
@ApplicationScoped
class StreamEventConsumer {

    /** Deliveries handled in one transaction, and how long to wait for a batch to fill after its first. */
    static final int BATCH = 200;

    static final Duration BATCH_WAIT = Duration.ofMillis(5);

    private static final Logger LOG = Logger.getLogger(StreamEventConsumer.class);
    private static final Duration STORE_PROBE_INTERVAL = Duration.ofSeconds(1);

    private final EventSubscriptions subscriptions;
    private final EventEvaluation evaluation;
    private final StoreHealth store;
    private final ObjectMapper json;
    private final boolean enabled;

    StreamEventConsumer(
            EventSubscriptions subscriptions,
            EventEvaluation evaluation,
            StoreHealth store,
            ObjectMapper json,
            @ConfigProperty(name = "depotops.incidents.consumer.enabled", defaultValue = "true") boolean enabled) {
        this.subscriptions = subscriptions;
        this.evaluation = evaluation;
        this.store = store;
        this.json = json;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            // The rules' own types are bound by RuleInputs, from the stored rules.
            subscriptions.subscribeBatches(
                    Queues.INCIDENTS_EVENTS,
                    List.copyOf(RuleInputs.DIRECTORY_EVENT_TYPES),
                    BATCH,
                    BATCH_WAIT,
                    this::handleBatch,
                    this::handle);
        }
    }

    /**
     * A batch of deliveries in one transaction. Any failure (an unreadable event, the database
     * away) fails the batch: the subscription then hands each event to {@link #handle} alone,
     * which parks the unreadable one and waits for the database.
     */
    void handleBatch(List<CloudEvent> events) {
        List<IncomingEvent> batch = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            batch.add(read(event));
        }
        evaluation.evaluateAll(batch);
    }

    void handle(CloudEvent event) {
        IncomingEvent incoming = read(event);
        boolean waited = false;
        while (true) {
            try {
                evaluation.evaluate(incoming);
                if (waited) {
                    LOG.infof("incidents database is back: event %s processed", event.getId());
                }
                return;
            } catch (UnreadableEventException e) {
                throw new UnprocessableEventException(e.getMessage());
            } catch (RuntimeException | AssertionError e) {
                // AssertionError: the PostgreSQL driver throws one when the server goes away.
                if (store.reachable()) {
                    throw e; // a fault of this event: retried by the subscription, then parked
                }
                if (!waited) {
                    LOG.warnf("incidents database unreachable: holding event %s until it is back", event.getId());
                    waited = true;
                }
                waitForStore();
            }
        }
    }

    private void waitForStore() {
        do {
            try {
                Thread.sleep(STORE_PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the incidents database", e);
            }
        } while (!store.reachable());
    }

    private IncomingEvent read(CloudEvent event) {
        Map<String, Object> data;
        try {
            JsonNode node = event.getData() == null
                    ? null
                    : json.readTree(event.getData().toBytes());
            if (node != null && !node.isNull() && !node.isObject()) {
                throw new UnprocessableEventException("data of " + event.getType() + " is not a JSON object");
            }
            data = node == null || node.isNull() ? Map.of() : plainMap(node);
        } catch (IOException e) {
            throw new UnprocessableEventException("data of " + event.getType() + " is not JSON: " + e.getMessage());
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        return new IncomingEvent(
                event.getId(), event.getType(), event.getSubject(), DepotopsEvents.workspaceOf(event), time, data);
    }

    /**
     * The data as CEL reads it: maps, lists, strings, booleans, whole numbers as long and others as
     * double. Null members are left out, so {@code has(event.data.x)} is false for them.
     */
    private static Map<String, Object> plainMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Object value = plain(field.getValue());
            if (value != null) {
                map.put(field.getKey(), value);
            }
        }
        return map;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return plainMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> {
                Object value = plain(element);
                if (value != null) {
                    list.add(value);
                }
            });
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
