package io.depotops.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace's account at a telematics provider. The credentials themselves are never part of it:
 * only whether they are set and their last four characters.
 */
public record ProviderAccount(
        UUID id,
        UUID workspaceId,
        ProviderKind kind,
        URI baseUrl,
        String credentialsLast4,
        ProviderPollHealth health,
        Instant createdAt,
        long version) {}
