package io.depotops.incidents.domain.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A workspace's rule, as data: for events of {@code eventTypes} whose {@code condition} holds, an
 * incident keyed by {@code dedupKey} is raised (pending for {@code forSeconds} first, then open); a
 * later event of the same key for which {@code resolveCondition} holds resolves it. Expressions are
 * CEL over the variable {@code event} ({@code type}, {@code subject}, {@code workspaceId}, {@code
 * time}, {@code data}).
 */
public record IncidentRule(
        UUID id,
        UUID workspaceId,
        String name,
        Set<String> eventTypes,
        String condition,
        int forSeconds,
        String dedupKey,
        Severity severity,
        String resolveCondition,
        Map<String, String> labels,
        String templateId,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Used when a rule names no key: one incident per rule and event subject. */
    public static final String DEFAULT_DEDUP_KEY = "event.subject";

    public IncidentRule {
        eventTypes = Set.copyOf(eventTypes);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        dedupKey = dedupKey == null || dedupKey.isBlank() ? DEFAULT_DEDUP_KEY : dedupKey;
        resolveCondition = resolveCondition == null || resolveCondition.isBlank() ? null : resolveCondition;
    }

    public Duration pendingFor() {
        return Duration.ofSeconds(forSeconds);
    }

    public boolean appliesTo(String eventType) {
        return eventTypes.contains(eventType);
    }
}
