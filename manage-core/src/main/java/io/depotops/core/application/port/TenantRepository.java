package io.depotops.core.application.port;

import io.depotops.core.application.ListQuery;
import io.depotops.core.domain.Page;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of one kind of workspace resource. Every method is scoped to a workspace: a resource of
 * another workspace is simply not found.
 */
public interface TenantRepository<T> {

    T insert(T resource);

    /**
     * Replaces the stored resource if its version is still {@code expectedVersion}.
     *
     * @throws io.depotops.core.application.StaleVersionException otherwise
     */
    T update(T resource, long expectedVersion);

    Optional<T> find(UUID workspaceId, UUID id);

    Page<T> list(UUID workspaceId, ListQuery query);

    /** Deletes if the version is still {@code expectedVersion}; false when it did not exist. */
    boolean delete(UUID workspaceId, UUID id, long expectedVersion);
}
