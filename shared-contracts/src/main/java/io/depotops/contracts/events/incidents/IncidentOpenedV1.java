package io.depotops.contracts.events.incidents;

import java.time.Instant;
import java.util.Map;

/**
 * {@code incidents.incident.opened.v1}: a rule's condition held (for its pending time, when it has
 * one). {@code subject} and {@code resourceType} name what the incident is about (e.g. a charge
 * point id and {@code charger}); {@code siteId} is the charger's site when known.
 */
public record IncidentOpenedV1(
        String incidentId,
        String workspaceId,
        String ruleId,
        String ruleName,
        String dedupKey,
        String severity,
        String subject,
        String resourceType,
        String siteId,
        Map<String, String> labels,
        Instant pendingSince,
        Instant openedAt) {}
