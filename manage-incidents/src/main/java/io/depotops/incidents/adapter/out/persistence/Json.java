package io.depotops.incidents.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
