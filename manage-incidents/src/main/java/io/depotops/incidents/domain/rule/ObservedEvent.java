package io.depotops.incidents.domain.rule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event from the stream as the rules see it: the envelope's fields and its data as plain maps,
 * lists, strings, booleans, longs and doubles. {@code resource} is what the event is about (kind
 * and id), {@code siteId} the site of a charger when known.
 */
public record ObservedEvent(
        String id,
        String type,
        String subject,
        UUID workspaceId,
        Instant time,
        Map<String, Object> data,
        String resourceType,
        String siteId) {

    public ObservedEvent {
        data = data == null ? Map.of() : data;
    }

    /** The value of the expressions' {@code event} variable. */
    public Map<String, Object> asVariable() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type);
        event.put("subject", subject == null ? "" : subject);
        event.put("workspaceId", workspaceId.toString());
        event.put("time", time.toString());
        event.put("data", data);
        return event;
    }
}
