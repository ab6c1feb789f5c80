package io.depotops.telematics.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.ChargingState;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.Position;
import io.depotops.telematics.application.UpdateCheck;
import io.depotops.telematics.domain.Observation;
import io.depotops.telematics.domain.StreamClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observations as {@link CanonicalVehicleUpdateV1} JSON, checked against the published schema
 * ({@code telematics/canonical-vehicle-update-v1.schema.json} of shared-contracts): for each
 * message before it is coalesced, and again for each update before it is published.
 */
@ApplicationScoped
class CanonicalUpdates implements UpdateCheck {

    private static final String SCHEMA = "telematics/canonical-vehicle-update-v1.schema.json";

    private final ObjectMapper json;
    private final Schema schema;

    CanonicalUpdates(ObjectMapper json) {
        this.json = json;
        this.schema = loadSchema();
    }

    @Override
    public Optional<Refusal> refusal(StreamClient client, String updateId, Observation observation) {
        try {
            validBytes(client, updateId, observation);
            return Optional.empty();
        } catch (InvalidUpdateException e) {
            return Optional.of(e.refusal);
        }
    }

    /** The update's JSON, valid against the canonical schema. */
    byte[] validBytes(StreamClient client, String updateId, Observation o) throws InvalidUpdateException {
        if (o.chargingState() != null && !isChargingState(o.chargingState())) {
            throw new InvalidUpdateException(new Refusal("/chargingState", "is not one of the charging states"));
        }
        if ((o.latitude() == null) != (o.longitude() == null)) {
            throw new InvalidUpdateException(new Refusal(
                    o.latitude() == null ? "/position/latitude" : "/position/longitude",
                    "required with the other coordinate"));
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("/stateOfChargePercent", o.stateOfChargePercent());
        numbers.put("/odometerKm", o.odometerKm());
        numbers.put("/position/latitude", o.latitude());
        numbers.put("/position/longitude", o.longitude());
        numbers.put("/position/headingDegrees", o.headingDegrees());
        numbers.put("/speedKmh", o.speedKmh());
        numbers.put("/remainingRangeKm", o.remainingRangeKm());
        numbers.put("/batteryTemperatureC", o.batteryTemperatureC());
        for (Map.Entry<String, Double> number : numbers.entrySet()) {
            if (number.getValue() != null && !Double.isFinite(number.getValue())) {
                throw new InvalidUpdateException(new Refusal(number.getKey(), "must be a finite number"));
            }
        }
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
            throw new InvalidUpdateException(new Refusal("", "update cannot be written: " + e.getOriginalMessage()));
        }
        List<Error> errors = schema.validate(new String(data, StandardCharsets.UTF_8), InputFormat.JSON);
        if (!errors.isEmpty()) {
            Error first = errors.getFirst();
            throw new InvalidUpdateException(
                    new Refusal(first.getInstanceLocation().toString(), first.getMessage()));
        }
        return data;
    }

    private static boolean isChargingState(String value) {
        for (ChargingState state : ChargingState.values()) {
            if (state.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static final class InvalidUpdateException extends Exception {

        private final transient Refusal refusal;

        InvalidUpdateException(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    private static Schema loadSchema() {
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = CanonicalUpdates.class.getClassLoader().getResourceAsStream(SCHEMA)) {
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
