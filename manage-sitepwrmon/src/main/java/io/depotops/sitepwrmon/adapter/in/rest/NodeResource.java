package io.depotops.sitepwrmon.adapter.in.rest;

import io.depotops.platform.http.Etags;
import io.depotops.sitepwrmon.application.tree.NodeDraft;
import io.depotops.sitepwrmon.application.tree.TreeService;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.Phase;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.tree.NodeKind;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The electrical trees of a workspace's sites, node by node: admins and operators write, every role
 * reads; each write is checked against the whole tree and versioned ({@code ETag}, {@code If-Match}).
 */
@Path("/api/v1/workspaces/{workspaceId}/nodes")
@Tag(name = "Electrical tree")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class NodeResource {

    /** A node as sent; {@code parentId} is absent only for the site's grid connection. */
    public record NodeRequest(
            @NotNull UUID siteId,
            UUID parentId,
            @NotNull NodeKind kind,
            @NotBlank @Size(max = 200) String name,
            @Positive @DecimalMax("1000000") Double limitKw,
            @Valid PhaseAmps limitA,
            @NotNull @DecimalMin("50") @DecimalMax("1000") Double voltageV,
            @Size(min = 1, max = 200) String chargerId,
            @Size(max = 3) List<@NotNull Phase> chargerPhases) {

        NodeDraft toDraft() {
            return new NodeDraft(
                    siteId,
                    parentId,
                    kind,
                    name,
                    limitKw,
                    limitA == null ? PhaseValues.NONE : limitA.toDomain(),
                    voltageV,
                    chargerId,
                    chargerPhases == null ? List.of() : chargerPhases);
        }
    }

    public record NodeView(
            UUID id,
            UUID siteId,
            @Schema(nullable = true) UUID parentId,
            NodeKind kind,
            String name,
            @Schema(nullable = true) Double limitKw,
            @Schema(nullable = true) PhaseAmps limitA,
            double voltageV,
            @Schema(nullable = true) String chargerId,
            List<Phase> chargerPhases,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static NodeView of(PowerNode node) {
            return new NodeView(
                    node.id(),
                    node.siteId(),
                    node.parentId(),
                    node.kind(),
                    node.name(),
                    node.limitKw(),
                    PhaseAmps.of(node.limitA()),
                    node.voltageV(),
                    node.chargerId(),
                    node.chargerPhases(),
                    node.createdAt(),
                    node.updatedAt(),
                    node.version());
        }
    }

    public record NodePage(
            List<NodeView> items, @Schema(nullable = true) String nextCursor) {}

    private final TreeService tree;
    private final WorkspaceAccess access;

    NodeResource(TreeService tree, WorkspaceAccess access) {
        this.tree = tree;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new node",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = NodeView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull NodeRequest request, UriInfo uri) {
        PowerNode node = tree.create(access.require(workspaceId), request.toDraft());
        return Etags.created(
                uri, "/api/v1/workspaces/" + workspaceId + "/nodes", node.id(), node.version(), NodeView.of(node));
    }

    /** The workspace's nodes (of one site with {@code siteId}), by id, in pages. */
    @GET
    public NodePage list(
            @PathParam("workspaceId") UUID workspaceId,
            @QueryParam("siteId") UUID siteId,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        Page<PowerNode> page = tree.list(
                access.require(workspaceId), siteId, cursor == null || cursor.isBlank() ? null : cursor, limit);
        return new NodePage(page.items().stream().map(NodeView::of).toList(), page.nextCursor());
    }

    @APIResponse(
            responseCode = "200",
            description = "The node; its ETag is its version",
            content = @Content(schema = @Schema(implementation = NodeView.class)))
    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        PowerNode node = tree.get(access.require(workspaceId), id);
        return Etags.ok(node.version(), NodeView.of(node));
    }

    @APIResponse(
            responseCode = "200",
            description = "The node as changed; its ETag is its version",
            content = @Content(schema = @Schema(implementation = NodeView.class)))
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NodeRequest request) {
        PowerNode node =
                tree.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(node.version(), NodeView.of(node));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        tree.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
