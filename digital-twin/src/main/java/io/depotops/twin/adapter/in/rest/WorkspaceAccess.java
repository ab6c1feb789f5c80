package io.depotops.twin.adapter.in.rest;

import io.depotops.platform.security.WorkspaceGrants;
import io.depotops.twin.application.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's token and what it grants ({@link WorkspaceGrants}). Another workspace's data answers
 * 404, exactly as if it did not exist, so ids cannot be probed.
 */
@RequestScoped
class WorkspaceAccess {

    private final JsonWebToken token;

    WorkspaceAccess(JsonWebToken token) {
        this.token = token;
    }

    UUID require(UUID workspaceId) {
        if (!WorkspaceGrants.of(token).allows(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        return workspaceId;
    }
}
