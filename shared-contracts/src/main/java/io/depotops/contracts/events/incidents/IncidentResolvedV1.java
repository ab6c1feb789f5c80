package io.depotops.contracts.events.incidents;

import java.time.Instant;

/**
 * {@code incidents.incident.resolved.v1}: resolved by a person ({@code automatic} false, {@code
 * resolvedBy} the user) or by the rule's resolve condition on a later event ({@code automatic}
 * true, {@code resolvedBy} {@code system}).
 */
public record IncidentResolvedV1(
        String incidentId,
        String workspaceId,
        String ruleId,
        String severity,
        boolean automatic,
        String resolvedBy,
        Instant resolvedAt,
        String reason) {}
