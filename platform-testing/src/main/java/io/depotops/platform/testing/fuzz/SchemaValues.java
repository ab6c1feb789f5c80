package io.depotops.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Values for a JSON schema of an OpenAPI document (3.0 or 3.1): valid ones, boundary ones and
 * hostile ones. Every choice comes from the {@link Random} it is given, so a seed makes the same
 * values again.
 */
final class SchemaValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** 2^70: past every integer type the services use. */
    static final BigInteger TWO_TO_THE_70 = BigInteger.TWO.pow(70);

    /** Strings that have broken parsers, databases and error mappers before. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\u0001\u0002\u001f\u007f",
            "line\nbreak\r\n",
            "\u202Eevil\u202C",
            "\u200B\u200D\uFEFF",
            "\u2028\u2029",
            "'",
            "' OR '1'='1",
            "\"; DROP TABLE x; --",
            "\\",
            "%",
            "%00",
            "%20",
            "%25",
            "_%_",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "🚌⚡️🔋",
            "e\u0301\u0301\u0301",
            "\uD83D\uDE00".repeat(50),
            "NaN",
            "-0",
            "1e308",
            "9223372036854775808",
            "null",
            "true",
            "2026-02-30T25:61:61Z",
            "00000000-0000-0000-0000-000000000000");

    /** Numbers (as JSON literals) past the usual ranges. */
    static final List<String> HOSTILE_NUMBERS = List.of(
            "1e308",
            "-1e308",
            "1e309",
            "-1e309",
            TWO_TO_THE_70.toString(),
            TWO_TO_THE_70.negate().toString(),
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "0",
            "-0",
            "-1",
            "-5",
            "0.5",
            "4.9e-324",
            "1e-400",
            "123456789012345678901234567890.5");

    private final JsonNode document;
    private final Random random;
    private final Map<String, List<String>> fieldValues;

    SchemaValues(JsonNode document, Random random) {
        this(document, random, Map.of());
    }

    /** With values for body fields of these names that reach real resources (a depot's id). */
    SchemaValues(JsonNode document, Random random, Map<String, List<String>> fieldValues) {
        this.document = document;
        this.random = random;
        this.fieldValues = fieldValues;
    }

    Random random() {
        return random;
    }

    /** The schema a {@code $ref} points at (local references only), or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return NODES.objectNode();
            }
            JsonNode target = document.at(ref.substring(1));
            current = target.isMissingNode() ? NODES.objectNode() : target;
        }
        if (current == null) {
            return NODES.objectNode();
        }
        if (current.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = NODES.objectNode();
            ArrayNode required = NODES.arrayNode();
            for (JsonNode part : current.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.properties().forEach(e -> {
                    if (!e.getKey().equals("properties") && !e.getKey().equals("required")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                if (resolved.has("properties")) {
                    properties.setAll((ObjectNode) resolved.get("properties"));
                }
                if (resolved.has("required")) {
                    required.addAll((ArrayNode) resolved.get("required"));
                }
            }
            current.properties().forEach(e -> {
                if (!e.getKey().equals("allOf")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            if (!required.isEmpty()) {
                merged.set("required", required);
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (current.has(choice)
                    && current.get(choice).isArray()
                    && !current.get(choice).isEmpty()) {
                List<JsonNode> options = new ArrayList<>();
                current.get(choice).forEach(o -> {
                    JsonNode r = resolve(o);
                    if (!"null".equals(r.path("type").asText())) {
                        options.add(o);
                    }
                });
                if (!options.isEmpty()) {
                    return resolve(options.get(random.nextInt(options.size())));
                }
            }
        }
        return current;
    }

    /** The schema's type, ignoring {@code null} in a 3.1 type list; guessed when absent. */
    String typeOf(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            JsonNode first = s.get("enum").get(0);
            return first.isNumber() ? "number" : first.isBoolean() ? "boolean" : "string";
        }
        return "string";
    }

    /** A value the schema accepts (as far as a generator can tell; patterns are tried, not solved). */
    JsonNode valid(JsonNode schema) {
        return valid(schema, 0);
    }

    private JsonNode valid(JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v);
                }
            });
            if (!values.isEmpty()) {
                return values.get(random.nextInt(values.size()));
            }
        }
        JsonNode example = schema.has("example")
                ? schema.get("example")
                : schema.path("examples").path(0);
        if (!example.isMissingNode() && !example.isNull() && random.nextInt(4) == 0) {
            return example;
        }
        return switch (typeOf(schema)) {
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
                int count = depth > 4 ? min : min + random.nextInt(Math.max(1, max - min + 1));
                JsonNode items = schema.has("items") ? schema.get("items") : NODES.objectNode();
                for (int i = 0; i < count; i++) {
                    array.add(valid(items, depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = required(schema);
                JsonNode properties = schema.path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    boolean readOnly =
                            resolve(property.getValue()).path("readOnly").asBoolean(false);
                    if (readOnly) {
                        continue;
                    }
                    if (required.contains(property.getKey()) || (depth < 4 && random.nextInt(3) > 0)) {
                        List<String> known = fieldValues.getOrDefault(property.getKey(), List.of());
                        object.set(
                                property.getKey(),
                                !known.isEmpty() && random.nextInt(10) < 8
                                        ? NODES.textNode(known.get(random.nextInt(known.size())))
                                        : valid(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            default -> NODES.textNode(string(schema));
        };
    }

    List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        resolve(schema).path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 0) + 1000;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            min = schema.get("exclusiveMinimum").asLong() + 1;
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            max = schema.get("exclusiveMaximum").asLong() - 1;
        }
        if (max < min) {
            return min;
        }
        return switch (random.nextInt(5)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) (random.nextDouble() * (Math.min(max - min, 1_000_000L) + 1));
        };
    }

    private double number(JsonNode schema) {
        double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 0;
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : Math.max(min, 0) + 1000;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            min = schema.get("exclusiveMinimum").asDouble() + 0.001;
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            max = schema.get("exclusiveMaximum").asDouble() - 0.001;
        }
        if (max < min) {
            return min;
        }
        return switch (random.nextInt(5)) {
            case 0 -> min;
            case 1 -> max;
            default -> Math.round((min + random.nextDouble() * Math.min(max - min, 1e6)) * 100) / 100.0;
        };
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid" -> {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                return UUID.nameUUIDFromBytes(bytes).toString();
            }
            case "date-time" -> {
                return Instant.parse("2026-01-01T00:00:00Z")
                        .plusSeconds(random.nextInt(365 * 24 * 3600))
                        .toString();
            }
            case "date" -> {
                return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString();
            }
            case "local-time", "time" -> {
                return LocalTime.of(random.nextInt(24), random.nextInt(60)).toString();
            }
            case "email" -> {
                return "fuzz" + random.nextInt(100_000) + "@example.com";
            }
            case "uri", "url" -> {
                return "https://example.com/" + random.nextInt(100_000);
            }
            default -> {}
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.min(schema.path("maxLength").asInt(min + 16), min + 16);
        Pattern pattern = pattern(schema);
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = randomText(min + random.nextInt(Math.max(1, max - min + 1)), attempt);
            if (pattern == null || pattern.matcher(candidate).find()) {
                return candidate;
            }
        }
        return randomText(Math.max(min, 1), 0);
    }

    private static Pattern pattern(JsonNode schema) {
        if (!schema.has("pattern")) {
            return null;
        }
        try {
            return Pattern.compile(schema.get("pattern").asText());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private String randomText(int length, int attempt) {
        String alphabet = switch (attempt % 4) {
            case 0 -> "abcdefghijklmnopqrstuvwxyz0123456789-";
            case 1 -> "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
            case 2 -> "0123456789";
            default -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _-.:";
        };
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * A value the schema should refuse, or an edge it must cope with, and a word for what it is.
     * Wrong types, numbers past every range, boundaries and one past them, unknown enum values,
     * hostile and huge strings, deep nesting.
     */
    Mutated hostile(JsonNode schemaOrRef) {
        JsonNode schema = resolve(schemaOrRef);
        String type = typeOf(schema);
        int pick = random.nextInt(10);
        if (pick == 0) {
            return wrongType(type);
        }
        if (pick == 1) {
            return new Mutated(raw(deepNesting(random.nextBoolean() ? 2_000 : 100)), "deep nesting");
        }
        switch (type) {
            case "integer", "number" -> {
                if (random.nextInt(3) == 0) {
                    return boundary(schema, type);
                }
                String literal = HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
                return new Mutated(raw(literal), "number " + literal);
            }
            case "boolean" -> {
                return wrongType(type);
            }
            case "array" -> {
                int n = random.nextInt(3);
                if (n == 0) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode items = schema.has("items") ? schema.get("items") : NODES.objectNode();
                    JsonNode one = valid(items);
                    for (int i = 0; i < 10_000; i++) {
                        many.add(one);
                    }
                    return new Mutated(many, "10,000 items");
                }
                if (n == 1) {
                    ArrayNode withNull = NODES.arrayNode();
                    withNull.addNull();
                    return new Mutated(withNull, "a null item");
                }
                ArrayNode wrongItems = NODES.arrayNode();
                wrongItems.add(hostileString().value());
                return new Mutated(wrongItems, "an item of a wrong type");
            }
            case "object" -> {
                List<String> required = required(schema);
                ObjectNode object = (ObjectNode) valid(schema);
                if (!required.isEmpty() && random.nextBoolean()) {
                    String missing = required.get(random.nextInt(required.size()));
                    object.remove(missing);
                    return new Mutated(object, "without required " + missing);
                }
                object.put("unknownFieldForFuzz", "x");
                return new Mutated(object, "an unknown field");
            }
            default -> {
                if (schema.has("enum") && random.nextBoolean()) {
                    String known = schema.get("enum").path(0).asText("X");
                    String unknown = random.nextBoolean() ? "NOT_A_KNOWN_VALUE" : known.toLowerCase() + " ";
                    return new Mutated(NODES.textNode(unknown), "unknown enum value");
                }
                if (random.nextInt(4) == 0) {
                    return boundaryString(schema);
                }
                return hostileString();
            }
        }
    }

    Mutated hostileString() {
        if (random.nextInt(4) == 0) {
            // NUL has broken more than any other character (PostgreSQL refuses it in text): often
            String value = random.nextBoolean() ? "\u0000" : "fuzz\u0000" + random.nextInt(1_000_000);
            return new Mutated(NODES.textNode(value), "string \"" + FuzzRequest.escape(value) + "\"");
        }
        int pick = random.nextInt(HOSTILE_STRINGS.size() + 3);
        if (pick >= HOSTILE_STRINGS.size()) {
            int length = pick == HOSTILE_STRINGS.size() ? 1_000_000 : 100_000;
            return new Mutated(NODES.textNode("x".repeat(length)), "huge string (" + length + " characters)");
        }
        String value = HOSTILE_STRINGS.get(pick);
        return new Mutated(NODES.textNode(value), "string \"" + FuzzRequest.escape(value) + "\"");
    }

    private Mutated boundaryString(JsonNode schema) {
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            boolean over = random.nextBoolean();
            int length = over ? max + 1 : max;
            return new Mutated(
                    NODES.textNode("y".repeat(Math.min(length, 2_000_000))),
                    (over ? "maxLength+1 (" : "maxLength (") + length + ")");
        }
        int min = schema.path("minLength").asInt(0);
        if (min > 0) {
            return new Mutated(NODES.textNode("z".repeat(min - 1)), "minLength-1 (" + (min - 1) + ")");
        }
        return new Mutated(NODES.textNode(""), "empty string");
    }

    private Mutated boundary(JsonNode schema, String type) {
        List<BigDecimal> edges = new ArrayList<>();
        BigDecimal unit = type.equals("integer") ? BigDecimal.ONE : new BigDecimal("0.000001");
        if (schema.has("minimum")) {
            BigDecimal min = schema.get("minimum").decimalValue();
            edges.add(min);
            edges.add(min.subtract(unit));
        }
        if (schema.has("maximum")) {
            BigDecimal max = schema.get("maximum").decimalValue();
            edges.add(max);
            edges.add(max.add(unit));
        }
        for (String exclusive : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            if (schema.has(exclusive) && schema.get(exclusive).isNumber()) {
                edges.add(schema.get(exclusive).decimalValue());
            }
        }
        if (edges.isEmpty()) {
            edges.add(BigDecimal.valueOf(-1));
            edges.add(BigDecimal.ZERO);
            edges.add(BigDecimal.valueOf(Long.MAX_VALUE));
        }
        BigDecimal edge = edges.get(random.nextInt(edges.size()));
        return new Mutated(NODES.numberNode(edge), "boundary " + edge.toPlainString());
    }

    private Mutated wrongType(String type) {
        List<JsonNode> wrong = new ArrayList<>();
        if (!type.equals("string")) {
            wrong.add(NODES.textNode("not-a-" + type));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            wrong.add(NODES.numberNode(42));
        }
        if (!type.equals("boolean")) {
            wrong.add(NODES.booleanNode(true));
        }
        if (!type.equals("object")) {
            wrong.add(NODES.objectNode().put("unexpected", "object"));
        }
        if (!type.equals("array")) {
            wrong.add(NODES.arrayNode().add(1).add("two"));
        }
        wrong.add(NODES.nullNode());
        JsonNode value = wrong.get(random.nextInt(wrong.size()));
        return new Mutated(value, "wrong type " + value.getNodeType().name().toLowerCase() + " for " + type);
    }

    static String deepNesting(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A JSON literal written as it is (numbers past double, deep nesting). */
    static JsonNode raw(String json) {
        return new POJONode(new RawValue(json));
    }

    /** A hostile value and what it is. */
    record Mutated(JsonNode value, String what) {}
}
