package io.depotops.core.application.port;

import io.depotops.core.domain.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ApiKeyRepository {

    ApiKey insert(ApiKey key);

    Optional<ApiKey> findByPrefix(String prefix);

    List<ApiKey> list(UUID workspaceId);

    /** Marks the key revoked; false when the workspace has no such key. */
    boolean revoke(UUID workspaceId, UUID id, Instant at);

    void touch(UUID id, Instant at);
}
