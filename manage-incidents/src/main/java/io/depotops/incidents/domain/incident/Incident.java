package io.depotops.incidents.domain.incident;

import io.depotops.incidents.domain.rule.Severity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something wrong that a rule found: one per rule and deduplication key while it is active. The
 * transition methods return the incident after the step and the step itself, or refuse a step the
 * status does not allow.
 */
public record Incident(
        UUID id,
        UUID workspaceId,
        UUID ruleId,
        long ruleVersion,
        String ruleName,
        String dedupKey,
        Severity severity,
        IncidentStatus status,
        String subject,
        String resourceType,
        String siteId,
        Map<String, String> labels,
        Instant pendingSince,
        Instant fireAt,
        Instant openedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        boolean autoResolved,
        Instant lastEventAt,
        int eventCount,
        long version,
        Suppression suppression) {

    public Incident {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        suppression = suppression == null ? Suppression.NONE : suppression;
    }

    /**
     * The labels silences, inhibition and routing match: the rule's labels and what the incident
     * is about ({@code rule}, {@code severity}, {@code resourceType}, {@code resourceId}, {@code
     * siteId}, present when known), the latter winning over a rule label of the same name.
     */
    public Map<String, String> matchLabels() {
        Map<String, String> all = new HashMap<>(labels);
        all.put("rule", ruleName);
        all.put("severity", severity.name());
        if (resourceType != null) {
            all.put("resourceType", resourceType);
        }
        if (subject != null) {
            all.put("resourceId", subject);
        }
        if (siteId != null) {
            all.put("siteId", siteId);
        }
        return all;
    }

    /** The incident with its suppression decided again (no step of its lifecycle). */
    public Incident suppressedBy(Suppression next) {
        return new Incident(
                id,
                workspaceId,
                ruleId,
                ruleVersion,
                ruleName,
                dedupKey,
                severity,
                status,
                subject,
                resourceType,
                siteId,
                labels,
                pendingSince,
                fireAt,
                openedAt,
                acknowledgedAt,
                acknowledgedBy,
                resolvedAt,
                resolvedBy,
                autoResolved,
                lastEventAt,
                eventCount,
                version + 1,
                next);
    }

    /** The result of a step: the incident after it, and the step to record. */
    public record Step(Incident incident, Transition transition) {}

    /** A new incident: pending until {@code fireAt}, or open at once when that is not later than now. */
    public static Step raise(
            UUID id,
            UUID workspaceId,
            UUID ruleId,
            long ruleVersion,
            String ruleName,
            String dedupKey,
            Severity severity,
            String subject,
            String resourceType,
            String siteId,
            Map<String, String> labels,
            Instant now,
            Instant fireAt) {
        boolean openNow = !fireAt.isAfter(now);
        IncidentStatus status = openNow ? IncidentStatus.OPEN : IncidentStatus.PENDING;
        Incident incident = new Incident(
                id,
                workspaceId,
                ruleId,
                ruleVersion,
                ruleName,
                dedupKey,
                severity,
                status,
                subject,
                resourceType,
                siteId,
                labels,
                now,
                fireAt,
                openNow ? now : null,
                null,
                null,
                null,
                null,
                false,
                now,
                1,
                1,
                Suppression.NONE);
        return new Step(
                incident,
                new Transition(
                        null,
                        status,
                        now,
                        Transition.SYSTEM,
                        openNow ? "rule condition holds" : "rule condition holds; pending until " + fireAt));
    }

    /** Pending for long enough: opens. */
    public Step open(Instant now) {
        if (status != IncidentStatus.PENDING) {
            throw new IllegalTransitionException(status, IncidentStatus.OPEN);
        }
        return step(
                with(IncidentStatus.OPEN, now, acknowledgedAt, acknowledgedBy, null, null, false),
                now,
                Transition.SYSTEM,
                "condition held for the rule's pending time");
    }

    public Step acknowledge(String by, String reason, Instant now) {
        if (status != IncidentStatus.OPEN) {
            throw new IllegalTransitionException(status, IncidentStatus.ACKNOWLEDGED);
        }
        return step(with(IncidentStatus.ACKNOWLEDGED, openedAt, now, by, null, null, false), now, by, reason);
    }

    /** Resolved by a person: from open or acknowledged. */
    public Step resolve(String by, String reason, Instant now) {
        if (status != IncidentStatus.OPEN && status != IncidentStatus.ACKNOWLEDGED) {
            throw new IllegalTransitionException(status, IncidentStatus.RESOLVED);
        }
        return step(
                with(IncidentStatus.RESOLVED, openedAt, acknowledgedAt, acknowledgedBy, now, by, false),
                now,
                by,
                reason);
    }

    /** Resolved by the rule's resolve condition on a later event. */
    public Step autoResolve(String reason, Instant now) {
        if (status != IncidentStatus.OPEN && status != IncidentStatus.ACKNOWLEDGED) {
            throw new IllegalTransitionException(status, IncidentStatus.RESOLVED);
        }
        return step(
                with(IncidentStatus.RESOLVED, openedAt, acknowledgedAt, acknowledgedBy, now, Transition.SYSTEM, true),
                now,
                Transition.SYSTEM,
                reason);
    }

    /** Another event of the same key while active: counted, status unchanged. */
    public Incident seenAgain(Instant now) {
        return new Incident(
                id,
                workspaceId,
                ruleId,
                ruleVersion,
                ruleName,
                dedupKey,
                severity,
                status,
                subject,
                resourceType,
                siteId,
                labels,
                pendingSince,
                fireAt,
                openedAt,
                acknowledgedAt,
                acknowledgedBy,
                resolvedAt,
                resolvedBy,
                autoResolved,
                now,
                eventCount + 1,
                version + 1,
                suppression);
    }

    private Incident with(
            IncidentStatus next,
            Instant opened,
            Instant acknowledged,
            String ackBy,
            Instant resolved,
            String resolver,
            boolean auto) {
        return new Incident(
                id,
                workspaceId,
                ruleId,
                ruleVersion,
                ruleName,
                dedupKey,
                severity,
                next,
                subject,
                resourceType,
                siteId,
                labels,
                pendingSince,
                fireAt,
                opened,
                acknowledged,
                ackBy,
                resolved,
                resolver,
                auto,
                lastEventAt,
                eventCount,
                version + 1,
                suppression);
    }

    private Step step(Incident next, Instant now, String actor, String reason) {
        return new Step(next, new Transition(status, next.status, now, actor, reason));
    }
}
