package io.depotops.core.application.port;

import io.depotops.core.domain.Workspace;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface WorkspaceRepository {

    Workspace insert(Workspace workspace);

    Optional<Workspace> find(UUID id);

    List<Workspace> findAll(Collection<UUID> ids);

    List<Workspace> all();
}
