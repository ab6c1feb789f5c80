package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.ResourceGroupService;
import io.depotops.core.application.ResourceGroupService.GroupDraft;
import io.depotops.core.domain.ResourceGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Resource groups and priorities")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ResourceGroupResource {

    public record GroupRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String description,
            @Size(max = 5000) Set<@NotNull UUID> chargerIds,
            @Size(max = 5000) Set<@NotNull UUID> vehicleIds) {

        GroupDraft toDraft() {
            return new GroupDraft(name, description, chargerIds, vehicleIds);
        }
    }

    public record GroupView(
            UUID id,
            String name,
            @Schema(nullable = true) String description,
            Set<UUID> chargerIds,
            Set<UUID> vehicleIds,
            Instant createdAt,
            long version) {

        static GroupView of(ResourceGroup g) {
            return new GroupView(
                    g.id(), g.name(), g.description(), g.chargerIds(), g.vehicleIds(), g.createdAt(), g.version());
        }
    }

    /** {@code level}: 1 (highest) to 10; null clears the explicit priority. */
    public record PriorityRequest(Integer level) {}

    private final ResourceGroupService groups;
    private final WorkspaceAccess access;

    ResourceGroupResource(ResourceGroupService groups, WorkspaceAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @POST
    @Path("/groups")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull GroupRequest request, UriInfo uri) {
        ResourceGroup group = groups.create(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, group.id(), group.version(), GroupView.of(group));
    }

    @GET
    @Path("/groups")
    public PageView<GroupView> list(@PathParam("workspaceId") UUID workspaceId, @Valid @BeanParam ListParams params) {
        return PageView.of(groups.list(access.require(workspaceId), params.toQuery(Map.of())), GroupView::of);
    }

    @GET
    @Path("/groups/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        ResourceGroup group = groups.get(access.require(workspaceId), id);
        return Etags.ok(group.version(), GroupView.of(group));
    }

    @PUT
    @Path("/groups/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GroupRequest request) {
        ResourceGroup group =
                groups.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(group.version(), GroupView.of(group));
    }

    @DELETE
    @Path("/groups/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        groups.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("/groups/{id}/priority")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Set or clear the charging priority of a group's vehicles")
    public Response prioritiseGroup(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id, @NotNull PriorityRequest request) {
        groups.prioritiseGroup(access.require(workspaceId), id, request.level());
        return Response.noContent().build();
    }

    @PUT
    @Path("/vehicles/{id}/priority")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Set or clear a vehicle's own charging priority")
    public Response prioritiseVehicle(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id, @NotNull PriorityRequest request) {
        groups.prioritiseVehicle(access.require(workspaceId), id, request.level());
        return Response.noContent().build();
    }
}
