package io.depotops.incidents.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.incidents.domain.label.LabelMatcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The jsonb columns: labels (string map) and event types (string array). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(
                    value instanceof Set<?> set
                            ? new TreeSet<>(set)
                            : value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a json column", e);
        }
    }

    static Map<String, String> labels(String json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable labels column", e);
        }
    }

    static Set<String> strings(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Set<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable event types column", e);
        }
    }

    /** Label matchers as stored: {@code [{"name", "operator" (=, !=, =~, !~), "value"}]}. */
    static String matchers(List<LabelMatcher> matchers) {
        return write(matchers.stream()
                .map(m -> Map.of("name", m.name(), "operator", m.operator().symbol(), "value", m.value()))
                .toList());
    }

    static List<LabelMatcher> matchers(String json) {
        try {
            List<Map<String, String>> rows = MAPPER.readValue(json, new TypeReference<List<Map<String, String>>>() {});
            return rows.stream()
                    .map(row -> LabelMatcher.of(
                            row.get("name"), LabelMatcher.Operator.of(row.get("operator")), row.get("value")))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable matchers column", e);
        }
    }

    static List<String> list(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable list column", e);
        }
    }
}
