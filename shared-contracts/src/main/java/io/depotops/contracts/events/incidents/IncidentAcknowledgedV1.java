package io.depotops.contracts.events.incidents;

import java.time.Instant;

/** {@code incidents.incident.acknowledged.v1}: a person took the incident on. */
public record IncidentAcknowledgedV1(
        String incidentId,
        String workspaceId,
        String ruleId,
        String severity,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String reason) {}
