package io.depotops.connect.adapter.out.ocppschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.depotops.connect.application.session.PayloadValidator;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RpcError;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates payloads against the unmodified OCA schemas under {@code ocpp/schemas} (see the
 * NOTICE there) with networknt json-schema-validator 3. The actions of each version are the ones
 * its schema files name ({@link SchemaFiles}); every schema is loaded once, at startup.
 * Violations map to the CALLERROR classes of OCPP-J: a missing required field is an occurrence
 * violation, a wrong JSON type a type violation, a bad enum value, length, range or format a
 * property violation, and a field the schema does not allow a format violation.
 */
@Startup
@ApplicationScoped
public class OcaSchemaValidator implements PayloadValidator {

    private final Map<OcppVersion, Map<String, Schema>> requests = new HashMap<>();
    private final Map<OcppVersion, Map<String, Schema>> responses = new HashMap<>();

    public OcaSchemaValidator() {
        // Format assertions on: date-time and uri fields are checked, as the OCA schemas intend.
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        // The 1.6 core schemas of the package carry no $schema: the OCA published them as draft-04.
        SchemaRegistry v16 = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_4, builder -> builder.schemaRegistryConfig(config));
        SchemaRegistry v201 = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_6, builder -> builder.schemaRegistryConfig(config));
        ClassLoader loader = OcaSchemaValidator.class.getClassLoader();
        load(v16, OcppVersion.V16, SchemaFiles.of(loader, OcppVersion.V16));
        load(v201, OcppVersion.V201, SchemaFiles.of(loader, OcppVersion.V201));
    }

    private void load(SchemaRegistry registry, OcppVersion version, SchemaFiles files) {
        Map<String, Schema> requestSchemas = new HashMap<>();
        Map<String, Schema> responseSchemas = new HashMap<>();
        for (String action : files.actions()) {
            requestSchemas.put(action, read(registry, files.request(action)));
            responseSchemas.put(action, read(registry, files.response(action)));
        }
        requests.put(version, Map.copyOf(requestSchemas));
        responses.put(version, Map.copyOf(responseSchemas));
    }

    private static Schema read(SchemaRegistry registry, String path) {
        try (InputStream in = OcaSchemaValidator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("OCPP schema missing: " + path);
            }
            Schema schema = registry.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OCPP schema " + path, e);
        }
    }

    @Override
    public Set<String> actions(OcppVersion version) {
        return requests.get(version).keySet();
    }

    @Override
    public Optional<Violation> validateRequest(OcppVersion version, String action, JsonNode payload) {
        return validate(requests.get(version).get(action), action, payload);
    }

    @Override
    public Optional<Violation> validateResponse(OcppVersion version, String action, JsonNode payload) {
        return validate(responses.get(version).get(action), action, payload);
    }

    private static Optional<Violation> validate(Schema schema, String action, JsonNode payload) {
        if (schema == null) {
            return Optional.of(new Violation(RpcError.NOT_IMPLEMENTED, "Unknown action " + action));
        }
        List<Error> errors = schema.validate(payload.toString(), InputFormat.JSON);
        return errors.stream()
                .min(Comparator.comparingInt(error -> classify(error).ordinal()))
                .map(error -> new Violation(classify(error).error, describe(error)));
    }

    /** Error classes in the order they are reported when a payload has several. */
    enum Kind {
        TYPE(RpcError.TYPE_CONSTRAINT_VIOLATION),
        OCCURRENCE(RpcError.OCCURRENCE_CONSTRAINT_VIOLATION),
        PROPERTY(RpcError.PROPERTY_CONSTRAINT_VIOLATION),
        FORMAT(RpcError.FORMAT_VIOLATION);

        final RpcError error;

        Kind(RpcError error) {
            this.error = error;
        }
    }

    static Kind classify(Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "type" -> Kind.TYPE;
            case "required", "minItems", "maxItems", "dependencies" -> Kind.OCCURRENCE;
            case "additionalProperties", "additionalItems" -> Kind.FORMAT;
            default -> Kind.PROPERTY; // enum, maxLength, minLength, minimum, maximum, format, pattern, ...
        };
    }

    private static String describe(Error error) {
        String message = error.getMessage();
        String location = String.valueOf(error.getInstanceLocation());
        String text = location + ": " + (message == null ? error.getKeyword() : message);
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
