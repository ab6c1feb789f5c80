package io.depotops.core.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A key of the public API, bound to one workspace and one role. The secret itself is shown once,
 * when the key is issued; only its digest is stored.
 */
public record ApiKey(
        UUID id,
        UUID workspaceId,
        String name,
        String prefix,
        String secretSha256,
        String role,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
