package io.depotops.sitepwrmon.domain.limit;

import java.time.Instant;
import java.util.UUID;

/**
 * An external cap on a node's power for a time window, e.g. a grid operator's demand-response
 * call: from {@code startsAt} (included) to {@code endsAt} (excluded) the node's power limit is the
 * lower of its own and {@code capKw}.
 */
public record LimitSignal(
        UUID id,
        UUID workspaceId,
        UUID nodeId,
        double capKw,
        Instant startsAt,
        Instant endsAt,
        String source,
        String reason,
        Instant createdAt) {

    public boolean activeAt(Instant time) {
        return !time.isBefore(startsAt) && time.isBefore(endsAt);
    }
}
