package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.WorkspaceService;
import io.depotops.core.domain.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces")
@Tag(name = "Workspaces")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class WorkspaceResource {

    public record WorkspaceRequest(
            @NotBlank @Size(max = 200) String name) {}

    public record WorkspaceView(UUID id, String name, Instant createdAt) {

        static WorkspaceView of(Workspace workspace) {
            return new WorkspaceView(workspace.id(), workspace.name(), workspace.createdAt());
        }
    }

    private final WorkspaceService workspaces;
    private final WorkspaceAccess access;

    WorkspaceResource(WorkspaceService workspaces, WorkspaceAccess access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a workspace (platform operators: workspaces claim \"*\")")
    public Response create(@Valid @NotNull WorkspaceRequest request, UriInfo uri) {
        if (!access.allowsAll()) {
            throw new io.depotops.platform.problem.ProblemException(
                    io.depotops.contracts.problem.ProblemType.FORBIDDEN, "Only platform operators create workspaces");
        }
        Workspace created = workspaces.create(request.name());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(WorkspaceView.of(created))
                .build();
    }

    @GET
    @Operation(summary = "The workspaces the caller may see")
    public List<WorkspaceView> visible() {
        List<Workspace> visible = access.allowsAll() ? workspaces.all() : workspaces.visible(access.grantedIds());
        return visible.stream().map(WorkspaceView::of).toList();
    }

    @GET
    @Path("/{workspaceId}")
    public WorkspaceView get(@PathParam("workspaceId") UUID workspaceId) {
        return WorkspaceView.of(workspaces.get(access.require(workspaceId)));
    }
}
