package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.NotFoundException;
import io.depotops.platform.security.WorkspaceGrants;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which workspaces the caller's token lets them see ({@link WorkspaceGrants}). Another workspace's
 * data answers 404, exactly as if it did not exist, so ids cannot be probed.
 */
@RequestScoped
class WorkspaceAccess {

    private final JsonWebToken token;

    WorkspaceAccess(JsonWebToken token) {
        this.token = token;
    }

    UUID require(UUID workspaceId) {
        if (!allows(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        return workspaceId;
    }

    boolean allows(UUID workspaceId) {
        return grants().allows(workspaceId);
    }

    boolean allowsAll() {
        return grants().allowsAll();
    }

    Set<UUID> grantedIds() {
        return grants().ids();
    }

    private WorkspaceGrants grants() {
        return WorkspaceGrants.of(token);
    }
}
