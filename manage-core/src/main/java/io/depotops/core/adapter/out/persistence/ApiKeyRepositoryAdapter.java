package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.ApiKeyRepository;
import io.depotops.core.domain.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ApiKeyRepositoryAdapter implements ApiKeyRepository {

    @Override
    public ApiKey insert(ApiKey key) {
        ApiKeyEntity entity = new ApiKeyEntity();
        entity.id = key.id();
        entity.workspaceId = key.workspaceId();
        entity.createdAt = key.createdAt().truncatedTo(ChronoUnit.MICROS);
        entity.name = key.name();
        entity.prefix = key.prefix();
        entity.secretSha256 = key.secretSha256();
        entity.role = key.role();
        entity.persistAndFlush();
        return toDomain(entity);
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return ApiKeyEntity.<ApiKeyEntity>find("prefix", prefix)
                .firstResultOptional()
                .map(ApiKeyRepositoryAdapter::toDomain);
    }

    @Override
    public List<ApiKey> list(UUID workspaceId) {
        return ApiKeyEntity.<ApiKeyEntity>list("workspaceId = ?1 order by createdAt, id", workspaceId).stream()
                .map(ApiKeyRepositoryAdapter::toDomain)
                .toList();
    }

    @Override
    public boolean revoke(UUID workspaceId, UUID id, Instant at) {
        return ApiKeyEntity.update(
                        "revokedAt = coalesce(revokedAt, ?1) where id = ?2 and workspaceId = ?3", at, id, workspaceId)
                > 0;
    }

    @Override
    public void touch(UUID id, Instant at) {
        ApiKeyEntity.update("lastUsedAt = ?1 where id = ?2", at, id);
    }

    private static ApiKey toDomain(ApiKeyEntity e) {
        return new ApiKey(
                e.id, e.workspaceId, e.name, e.prefix, e.secretSha256, e.role, e.createdAt, e.revokedAt, e.lastUsedAt);
    }
}
