package io.depotops.sim.adapter.out.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.depotops.sim.application.InvalidInputException;
import io.depotops.sim.application.InvalidInputException.FieldProblem;
import io.depotops.sim.application.port.ConfigDocuments;
import io.depotops.sim.domain.config.ConfigProblem;
import io.depotops.sim.domain.config.ConfigRules;
import io.depotops.sim.domain.config.SimulationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Config documents checked against {@value #SCHEMA} (JSON Schema 2020-12, networknt's validator as
 * telematics uses it), then bound to the domain and checked by {@link ConfigRules}. Every refusal
 * names its JSON pointer.
 */
@ApplicationScoped
public class SchemaCheckedConfigs implements ConfigDocuments {

    static final String SCHEMA = "schema/simulation-config-v1.schema.json";
    /** Keywords whose error sits on the object but is about one of its properties. */
    private static final Set<String> ABOUT_A_PROPERTY = Set.of("required", "additionalProperties");

    private final ObjectMapper json;
    private final Schema schema;
    private final String schemaText;

    public SchemaCheckedConfigs(ObjectMapper json) {
        this.json = json;
        this.schemaText = loadSchemaText();
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        this.schema = registry.getSchema(schemaText, InputFormat.JSON);
        this.schema.initializeValidators();
    }

    @Override
    public SimulationConfig read(String documentJson) {
        List<Error> errors;
        try {
            errors = schema.validate(documentJson, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new InvalidInputException("", "is not a JSON document");
        }
        if (!errors.isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (Error error : errors) {
                problems.add(new FieldProblem(pointer(error), error.getMessage()));
            }
            throw new InvalidInputException(problems);
        }
        SimulationConfig config;
        try {
            JsonNode tree = json.readTree(documentJson);
            renameBlockReturns(tree);
            config = json.treeToValue(tree, SimulationConfig.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "cannot be read as a config: " + e.getOriginalMessage());
        }
        List<ConfigProblem> problems = ConfigRules.check(config);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem(p.path(), p.message()))
                    .toList());
        }
        return config;
    }

    @Override
    public String schema() {
        return schemaText;
    }

    /** A block's {@code return} is {@code returns} in the domain ({@code return} is a Java keyword). */
    private static void renameBlockReturns(JsonNode tree) {
        for (JsonNode group : tree.path("vehicles")) {
            if (group.path("blocks") instanceof ArrayNode blocks) {
                for (JsonNode block : blocks) {
                    if (block instanceof ObjectNode object && object.has("return")) {
                        object.set("returns", object.remove("return"));
                    }
                }
            }
        }
    }

    /** The error's instance location as a JSON pointer, down to the property it is about. */
    static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        NodePath path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        if (error.getProperty() != null && ABOUT_A_PROPERTY.contains(error.getKeyword())) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String loadSchemaText() {
        try (InputStream in = SchemaCheckedConfigs.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema missing: " + SCHEMA);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
