package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class WorkspaceRepositoryAdapter implements WorkspaceRepository {

    @Override
    public Workspace insert(Workspace workspace) {
        WorkspaceEntity entity = new WorkspaceEntity();
        entity.id = workspace.id();
        entity.name = workspace.name();
        entity.createdAt = workspace.createdAt();
        entity.persistAndFlush();
        return toDomain(entity);
    }

    @Override
    public Optional<Workspace> find(UUID id) {
        return WorkspaceEntity.<WorkspaceEntity>findByIdOptional(id).map(WorkspaceRepositoryAdapter::toDomain);
    }

    @Override
    public List<Workspace> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return WorkspaceEntity.<WorkspaceEntity>list("id in ?1 order by name, id", ids).stream()
                .map(WorkspaceRepositoryAdapter::toDomain)
                .toList();
    }

    @Override
    public List<Workspace> all() {
        return WorkspaceEntity.<WorkspaceEntity>list("order by name, id").stream()
                .map(WorkspaceRepositoryAdapter::toDomain)
                .toList();
    }

    private static Workspace toDomain(WorkspaceEntity entity) {
        return new Workspace(entity.id, entity.name, entity.createdAt, entity.version);
    }
}
