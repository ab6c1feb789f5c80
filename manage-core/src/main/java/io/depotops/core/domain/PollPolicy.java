package io.depotops.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** How a workspace is polled: how often, which providers, and whether core polls at all. */
public record PollPolicy(
        UUID workspaceId,
        Duration interval,
        Set<ProviderKind> enabledProviders,
        PollCutover cutover,
        Instant nextPollAt,
        Instant updatedAt,
        long version) {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(2);

    /** What a workspace without a stored policy has: nothing polled. */
    public static PollPolicy unset(UUID workspaceId) {
        return new PollPolicy(workspaceId, DEFAULT_INTERVAL, Set.of(), PollCutover.PAUSED, null, null, 0);
    }

    public boolean polls(ProviderKind kind) {
        return cutover == PollCutover.POLLING && enabledProviders.contains(kind);
    }
}
