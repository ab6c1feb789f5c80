package io.depotops.twin.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.ChargerConnectedV1;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.sitepwrmon.LimitExceededV1;
import io.depotops.contracts.events.sitepwrmon.NodeLoadV1;
import io.depotops.contracts.messaging.Queues;
import io.depotops.platform.messaging.EventSubscriptions;
import io.depotops.platform.messaging.UnprocessableEventException;
import io.depotops.twin.application.IncomingFact;
import io.depotops.twin.application.TwinService;
import io.depotops.twin.domain.model.Fact;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live model's input: connect's charger facts, core's transactions and telematics, sitepwrmon's
 * node loads, through the durable queue {@code depotops.twin.events} bound to exactly the types read
 * here (from the contract records where there is one, core's type names otherwise). The depots are
 * loaded from core before the queue is consumed.
 */
@ApplicationScoped
class TwinEventConsumer {

    static final int BATCH = 200;
    static final Duration BATCH_WAIT = Duration.ofMillis(5);

    private static final Logger LOG = Logger.getLogger(TwinEventConsumer.class);

    private static final String CONNECTED = EventTypes.of(ChargerConnectedV1.class);
    private static final String DISCONNECTED = EventTypes.of(ChargerDisconnectedV1.class);
    private static final String STATUS = EventTypes.of(ChargerStatusChangedV1.class);
    private static final String METER = EventTypes.of(MeterValuesV1.class);
    private static final String NODE_LOAD = EventTypes.of(NodeLoadV1.class);
    private static final String LIMIT_EXCEEDED = EventTypes.of(LimitExceededV1.class);
    private static final String STARTED = EventTypes.CORE_TRANSACTION_STARTED_V1;
    private static final String ENDED = EventTypes.CORE_TRANSACTION_ENDED_V1;
    private static final String VEHICLE_UPDATED = EventTypes.CORE_TELEMATICS_VEHICLE_UPDATED_V1;

    /** Every type the twin reads: the queue's bindings. */
    static final List<String> TYPES = Stream.of(
                    CONNECTED, DISCONNECTED, STATUS, METER, NODE_LOAD, LIMIT_EXCEEDED, STARTED, ENDED, VEHICLE_UPDATED)
            .toList();

    private final EventSubscriptions subscriptions;
    private final TwinService twin;
    private final ObjectMapper json;
    private final boolean enabled;

    TwinEventConsumer(
            EventSubscriptions subscriptions,
            TwinService twin,
            ObjectMapper json,
            @ConfigProperty(name = "depotops.twin.consumer.enabled", defaultValue = "true") boolean enabled) {
        this.subscriptions = subscriptions;
        this.twin = twin;
        this.json = json;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            twin.resyncAll();
        } catch (RuntimeException e) {
            // Core away at start: the scheduled resync loads the depots once it answers.
            LOG.warnf(
                    "could not load the depots from core at start (%s); retried on the resync schedule",
                    e.getMessage());
        }
        subscriptions.subscribeBatches(Queues.TWIN_EVENTS, TYPES, BATCH, BATCH_WAIT, this::acceptAll, this::accept);
    }

    void acceptAll(List<CloudEvent> events) {
        List<IncomingFact> facts = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            facts.add(new IncomingFact(event.getId(), fact(event)));
        }
        twin.apply(facts);
    }

    void accept(CloudEvent event) {
        twin.apply(List.of(new IncomingFact(event.getId(), fact(event))));
    }

    Fact fact(CloudEvent event) {
        if (event.getData() == null) {
            throw new UnprocessableEventException(event.getType() + " without data");
        }
        byte[] data = event.getData().toBytes();
        try {
            String type = event.getType();
            if (CONNECTED.equals(type)) {
                ChargerConnectedV1 connected = json.readValue(data, ChargerConnectedV1.class);
                return new Fact.ChargerLink(connected.chargePointId(), true, required(connected.connectedAt(), type));
            }
            if (DISCONNECTED.equals(type)) {
                ChargerDisconnectedV1 gone = json.readValue(data, ChargerDisconnectedV1.class);
                return new Fact.ChargerLink(gone.chargePointId(), false, required(gone.disconnectedAt(), type));
            }
            if (STATUS.equals(type)) {
                ChargerStatusChangedV1 status = json.readValue(data, ChargerStatusChangedV1.class);
                return new Fact.ConnectorStatus(
                        status.chargePointId(),
                        connector(status.evseId(), status.connectorId()),
                        status.status(),
                        required(status.timestamp(), type));
            }
            if (METER.equals(type)) {
                MeterValuesV1 meter = json.readValue(data, MeterValuesV1.class);
                return new Fact.ConnectorMetered(
                        meter.chargePointId(),
                        connector(meter.evseId(), meter.connectorId()),
                        meter.powerW() == null ? null : meter.powerW() / 1000,
                        meter.stateOfChargePercent(),
                        required(meter.timestamp(), type));
            }
            if (NODE_LOAD.equals(type)) {
                NodeLoadV1 load = json.readValue(data, NodeLoadV1.class);
                return new Fact.NodeMeasured(
                        load.nodeId(), load.loadKw(), load.limitKw(), required(load.measuredAt(), type));
            }
            if (LIMIT_EXCEEDED.equals(type)) {
                LimitExceededV1 exceeded = json.readValue(data, LimitExceededV1.class);
                return new Fact.NodeMeasured(
                        exceeded.nodeId(),
                        exceeded.loadKw(),
                        exceeded.limitKw(),
                        required(exceeded.measuredAt(), type));
            }
            JsonNode node = json.readTree(data);
            if (STARTED.equals(type) || ENDED.equals(type)) {
                boolean started = STARTED.equals(type);
                Instant at = instant(node, started ? "startedAt" : "endedAt", type);
                int connector = connector(
                        node.hasNonNull("evseId") ? node.get("evseId").asInt() : null,
                        node.path("connectorId").asInt(1));
                return new Fact.Session(
                        text(node, "chargePointId", type),
                        connector,
                        started,
                        node.hasNonNull("vehicleId") ? node.get("vehicleId").asText() : null,
                        node.hasNonNull("transactionId")
                                ? node.get("transactionId").asLong()
                                : null,
                        at);
            }
            if (VEHICLE_UPDATED.equals(type)) {
                return new Fact.VehicleObserved(
                        text(node, "vehicleId", type),
                        node.hasNonNull("stateOfChargePercent")
                                ? node.get("stateOfChargePercent").asDouble()
                                : null,
                        instant(node, "observedAt", type));
            }
            throw new UnprocessableEventException("the twin does not read " + type);
        } catch (IOException e) {
            throw new UnprocessableEventException("data of " + event.getType() + " is not readable: " + e.getMessage());
        }
    }

    /** OCPP 2.0.1 counts EVSEs, 1.6 connectors: the twin's connector is the EVSE where there is one. */
    private static int connector(Integer evseId, int connectorId) {
        return evseId != null ? evseId : connectorId;
    }

    private static Instant required(Instant at, String type) {
        if (at == null) {
            throw new UnprocessableEventException(type + " without its time");
        }
        return at;
    }

    private static String text(JsonNode node, String field, String type) {
        if (!node.hasNonNull(field)) {
            throw new UnprocessableEventException(type + " without " + field);
        }
        return node.get(field).asText();
    }

    private static Instant instant(JsonNode node, String field, String type) {
        try {
            return Instant.parse(text(node, field, type));
        } catch (java.time.format.DateTimeParseException e) {
            throw new UnprocessableEventException(type + ": " + field + " is not an instant");
        }
    }
}
