package io.depotops.incidents.domain.notification;

import io.depotops.incidents.domain.incident.Incident;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words of a notification, from a plain text template: one subject line and a short body that
 * a person on call reads on a phone.
 */
public record NotificationMessage(String subject, String text) {

    private static final String BODY = """
            %s: %s
            Severity: %s
            Status: %s
            About: %s %s%s
            Opened: %s
            Events: %d
            Labels: %s
            Incident: %s (workspace %s)
            Delivery: %s
            """;

    public static NotificationMessage of(Incident incident, Delivery.Kind kind, String deliveryId) {
        String what = switch (kind) {
            case OPENED -> "Opened";
            case REPEAT -> "Still open";
            case RESOLVED -> "Resolved";
        };
        String subject = "[%s] %s: %s %s"
                .formatted(
                        incident.severity(),
                        what,
                        incident.ruleName(),
                        incident.subject() == null ? "" : incident.subject())
                .strip();
        Map<String, String> labels = new TreeMap<>(incident.labels());
        String text = BODY.formatted(
                what,
                incident.ruleName(),
                incident.severity(),
                incident.status(),
                incident.resourceType() == null ? "resource" : incident.resourceType(),
                incident.subject() == null ? "-" : incident.subject(),
                incident.siteId() == null ? "" : " at site " + incident.siteId(),
                incident.openedAt() == null ? "-" : incident.openedAt(),
                incident.eventCount(),
                labels,
                incident.id(),
                incident.workspaceId(),
                deliveryId);
        return new NotificationMessage(subject, text);
    }
}
