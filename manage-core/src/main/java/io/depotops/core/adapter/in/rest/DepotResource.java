package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.DepotService;
import io.depotops.core.application.DepotService.DepotDraft;
import io.depotops.core.application.DispatchService;
import io.depotops.core.application.LiveStateService;
import io.depotops.core.domain.DepartureReadiness;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.EffectivePriority;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/depots")
@Tag(name = "Depots")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DepotResource {

    public record DepotRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @NotBlank String timeZone) {

        DepotDraft toDraft() {
            return new DepotDraft(name, address, timeZone);
        }
    }

    public record DepotView(
            UUID id,
            String name,
            @Schema(nullable = true) String address,
            String timeZone,
            Instant createdAt,
            long version) {

        static DepotView of(Depot depot) {
            return new DepotView(
                    depot.id(),
                    depot.name(),
                    depot.address(),
                    depot.timeZone().getId(),
                    depot.createdAt(),
                    depot.version());
        }
    }

    private final DepotService depots;
    private final LiveStateService liveState;
    private final DispatchService dispatch;
    private final WorkspaceAccess access;

    DepotResource(DepotService depots, LiveStateService liveState, DispatchService dispatch, WorkspaceAccess access) {
        this.depots = depots;
        this.liveState = liveState;
        this.dispatch = dispatch;
        this.access = access;
    }

    @GET
    @Path("/{id}/priorities")
    @Operation(summary = "The depot's vehicles in charging order, with where each priority comes from")
    public List<EffectivePriority> priorities(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return dispatch.priorities(access.require(workspaceId), id, java.time.Instant.now());
    }

    @GET
    @Path("/{id}/readiness")
    @Operation(summary = "For each block of the depot, by next departure: will its vehicle have enough charge?")
    public List<DepartureReadiness> readiness(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return dispatch.readiness(access.require(workspaceId), id, java.time.Instant.now());
    }

    @GET
    @Path("/{id}/live")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every charger's and vehicle's state at the depot now, served from the live cache")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepotLiveState.class)))
    public String live(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return liveState.depot(access.require(workspaceId), id);
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = DepotView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull DepotRequest request, UriInfo uri) {
        Depot depot = depots.create(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, depot.id(), depot.version(), DepotView.of(depot));
    }

    @GET
    public PageView<DepotView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("timeZone") String timeZone) {
        return PageView.of(
                depots.list(access.require(workspaceId), params.toQuery(Map.of("timeZone", nullToEmpty(timeZone)))),
                DepotView::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        Depot depot = depots.get(access.require(workspaceId), id);
        return Etags.ok(depot.version(), DepotView.of(depot));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DepotRequest request) {
        Depot depot = depots.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(depot.version(), DepotView.of(depot));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        depots.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
