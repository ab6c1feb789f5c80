package io.depotops.incidents.domain.incident;

import java.time.Instant;

/** An event that raised, updated or resolved an incident. */
public record IncidentEventLink(String eventId, String eventType, Instant observedAt, Role role) {

    public enum Role {
        RAISED,
        UPDATED,
        RESOLVED
    }
}
