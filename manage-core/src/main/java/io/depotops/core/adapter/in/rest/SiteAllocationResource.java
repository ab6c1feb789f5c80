package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.load.AllocationView;
import io.depotops.core.application.load.LoadManagementService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's current load allocation: the inputs, the mode and each EVSE's limit (ADR 0017). */
@Path("/api/v1/workspaces/{workspaceId}/sites/{id}/allocation")
@Tag(name = "Load management")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SiteAllocationResource {

    private final LoadManagementService loads;
    private final WorkspaceAccess access;

    SiteAllocationResource(LoadManagementService loads, WorkspaceAccess access) {
        this.loads = loads;
        this.access = access;
    }

    @GET
    public AllocationView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return loads.allocation(access.require(workspaceId), id);
    }
}
