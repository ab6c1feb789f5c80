package io.depotops.incidents.domain.incident;

import java.time.Instant;

/** One step of an incident's life: who (a user, or {@code system}) moved it, when and why. */
public record Transition(IncidentStatus from, IncidentStatus to, Instant at, String actor, String reason) {

    /** The actor of the transitions the rules make. */
    public static final String SYSTEM = "system";
}
