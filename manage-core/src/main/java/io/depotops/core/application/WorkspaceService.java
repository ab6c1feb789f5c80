package io.depotops.core.application;

import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.domain.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WorkspaceService {

    private final WorkspaceRepository workspaces;

    WorkspaceService(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    @Transactional
    public Workspace create(String name) {
        return workspaces.insert(new Workspace(UUID.randomUUID(), name.strip(), Instant.now(), 0));
    }

    public Workspace get(UUID id) {
        return workspaces.find(id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    /** Every workspace, for platform operators. */
    public List<Workspace> all() {
        return workspaces.all();
    }

    public List<Workspace> visible(Collection<UUID> ids) {
        return workspaces.findAll(ids);
    }
}
