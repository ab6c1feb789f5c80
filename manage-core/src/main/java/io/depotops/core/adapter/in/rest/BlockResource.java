package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.application.DispatchService;
import io.depotops.core.application.DispatchService.BlockDraft;
import io.depotops.core.domain.VehicleBlock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dispatch: vehicle blocks (routes or duties) and their assignment to vehicles. */
@Path("/api/v1/workspaces/{workspaceId}/blocks")
@Tag(name = "Dispatch")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class BlockResource {

    public record BlockRequest(
            @NotNull UUID depotId,
            @NotBlank @Size(max = 200) String name,
            @NotNull Instant departureAt,
            @NotNull Instant returnAt,
            @Positive @DecimalMax("2000") BigDecimal requiredEnergyKwh,
            @Positive @DecimalMax("5000") BigDecimal requiredDistanceKm,
            String recurrence,
            UUID vehicleId) {

        BlockDraft toDraft() {
            return new BlockDraft(
                    depotId, name, departureAt, returnAt, requiredEnergyKwh, requiredDistanceKm, recurrence, vehicleId);
        }
    }

    public record BlockView(
            UUID id,
            UUID depotId,
            String name,
            Instant departureAt,
            Instant returnAt,
            @Schema(nullable = true) BigDecimal requiredEnergyKwh,
            @Schema(nullable = true) BigDecimal requiredDistanceKm,
            String recurrence,
            @Schema(nullable = true) UUID vehicleId,
            Instant createdAt,
            long version) {

        static BlockView of(VehicleBlock b) {
            return new BlockView(
                    b.id(),
                    b.depotId(),
                    b.name(),
                    b.departureAt(),
                    b.returnAt(),
                    b.requiredEnergyKwh(),
                    b.requiredDistanceKm(),
                    b.recurrence().name(),
                    b.vehicleId(),
                    b.createdAt(),
                    b.version());
        }
    }

    private final DispatchService dispatch;
    private final WorkspaceAccess access;

    BlockResource(DispatchService dispatch, WorkspaceAccess access) {
        this.dispatch = dispatch;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = BlockView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull BlockRequest request, UriInfo uri) {
        VehicleBlock block = dispatch.create(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, block.id(), block.version(), BlockView.of(block));
    }

    @GET
    public PageView<BlockView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("depotId") String depotId,
            @QueryParam("vehicleId") String vehicleId) {
        Map<String, String> filters = Map.of("depotId", nullToEmpty(depotId), "vehicleId", nullToEmpty(vehicleId));
        return PageView.of(dispatch.list(access.require(workspaceId), params.toQuery(filters)), BlockView::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        VehicleBlock block = dispatch.get(access.require(workspaceId), id);
        return Etags.ok(block.version(), BlockView.of(block));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull BlockRequest request) {
        VehicleBlock block =
                dispatch.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(block.version(), BlockView.of(block));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        dispatch.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
