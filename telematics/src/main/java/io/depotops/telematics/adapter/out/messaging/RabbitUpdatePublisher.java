package io.depotops.telematics.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.ChargingState;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.Position;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.telematics.application.UpdatePublisher;
import io.depotops.telematics.domain.Observation;
import io.depotops.telematics.domain.StreamClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes canonical updates as CloudEvents with publisher confirms, each checked against the
 * published JSON schema of {@link CanonicalVehicleUpdateV1} first: what core receives from here is
 * always a valid update.
 */
@ApplicationScoped
class RabbitUpdatePublisher implements UpdatePublisher {

    private static final String SCHEMA = "telematics/canonical-vehicle-update-v1.schema.json";

    private final ConfirmingPublisher publisher;
    private final ObjectMapper json;
    private final Schema schema;

    RabbitUpdatePublisher(ConfirmingPublisher publisher, ObjectMapper json) {
        this.publisher = publisher;
        this.json = json;
        this.schema = loadSchema();
    }

    @Override
    public List<String> publishAll(List<Update> updates) throws PublishFailedException {
        List<String> refusals = new ArrayList<>(updates.size());
        List<OutgoingMessage> valid = new ArrayList<>(updates.size());
        for (Update update : updates) {
            try {
                valid.add(message(update.client(), update.updateId(), update.observation()));
                refusals.add(null);
            } catch (InvalidUpdateException e) {
                refusals.add(e.getMessage());
            }
        }
        try {
            publisher.publishAll(valid);
        } catch (BrokerUnavailableException e) {
            throw new PublishFailedException(e.getMessage(), true);
        }
        return refusals;
    }

    /** The update as a CloudEvent message, checked against the canonical schema. */
    private OutgoingMessage message(StreamClient client, String updateId, Observation o) throws InvalidUpdateException {
        CanonicalVehicleUpdateV1 update = new CanonicalVehicleUpdateV1(
                updateId,
                client.workspaceId(),
                client.provider(),
                o.deviceId(),
                o.vin(),
                o.observedAt(),
                o.stateOfChargePercent(),
                o.odometerKm(),
                o.latitude() == null ? null : new Position(o.latitude(), o.longitude(), o.headingDegrees()),
                o.speedKmh(),
                o.ignitionOn(),
                o.pluggedIn(),
                o.chargingState() == null ? null : ChargingState.valueOf(o.chargingState()),
                o.remainingRangeKm(),
                o.batteryTemperatureC(),
                o.attributes());
        byte[] data;
        try {
            data = json.writeValueAsBytes(update);
        } catch (JsonProcessingException e) {
            throw new InvalidUpdateException("update cannot be written: " + e.getOriginalMessage());
        }
        List<Error> errors =
                schema.validate(new String(data, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
        if (!errors.isEmpty()) {
            Error first = errors.getFirst();
            throw new InvalidUpdateException(first.getInstanceLocation() + ": " + first.getMessage());
        }
        CloudEvent event = DepotopsEvents.create(
                CanonicalVehicleUpdateV1.TYPE, "/telematics", o.deviceId(), client.workspaceId(), data);
        return new OutgoingMessage(
                Exchanges.EVENTS,
                CanonicalVehicleUpdateV1.TYPE,
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                Map.of());
    }

    private static final class InvalidUpdateException extends Exception {
        InvalidUpdateException(String message) {
            super(message);
        }
    }

    private static Schema loadSchema() {
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = RabbitUpdatePublisher.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from shared-contracts: " + SCHEMA);
            }
            Schema loaded = registry.getSchema(in, InputFormat.JSON);
            loaded.initializeValidators();
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
