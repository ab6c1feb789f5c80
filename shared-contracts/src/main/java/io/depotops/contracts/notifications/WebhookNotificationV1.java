package io.depotops.contracts.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * The JSON body of a webhook notification of manage-incidents. {@code deliveryId} is also the
 * {@link WebhookHeaders#DELIVERY_ID} header: a receiver that saw it already drops the repeat (one
 * is possible when the service stopped between a send and its record). {@code kind}: {@code
 * OPENED}, {@code REPEAT} (still open) or {@code RESOLVED}.
 */
public record WebhookNotificationV1(
        String deliveryId,
        String kind,
        String subject,
        String text,
        String incidentId,
        String workspaceId,
        String ruleName,
        String severity,
        String status,
        String resourceType,
        String resourceId,
        String siteId,
        Map<String, String> labels,
        Instant openedAt,
        Instant resolvedAt,
        int eventCount) {}
