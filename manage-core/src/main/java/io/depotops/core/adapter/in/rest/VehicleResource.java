package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.application.VehicleService;
import io.depotops.core.application.VehicleService.VehicleDraft;
import io.depotops.core.domain.Vehicle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

@Path("/api/v1/workspaces/{workspaceId}/vehicles")
@Tag(name = "Vehicles")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class VehicleResource {

    /** ISO 3779: 17 characters, digits and capitals without I, O and Q. */
    static final String VIN = "[A-HJ-NPR-Z0-9]{17}";

    public record VehicleRequest(
            UUID depotId,
            @NotBlank @Pattern(regexp = VIN) String vin,
            @NotBlank @Size(max = 50) String fleetNumber,
            @NotNull @Positive @DecimalMax("2000") BigDecimal batteryKwh,
            @Positive @DecimalMax("1000") BigDecimal maxAcKw,
            @Positive @DecimalMax("3750") BigDecimal maxDcKw,
            @Positive @DecimalMax("10") BigDecimal efficiencyKwhPerKm,
            @Size(max = 50) String telematicsProvider,
            @Size(max = 100) String telematicsDeviceId,
            @Size(max = 36) String idTag) {

        VehicleDraft toDraft() {
            return new VehicleDraft(
                    depotId,
                    vin,
                    fleetNumber,
                    batteryKwh,
                    maxAcKw,
                    maxDcKw,
                    efficiencyKwhPerKm,
                    telematicsProvider,
                    telematicsDeviceId,
                    idTag);
        }
    }

    public record VehicleView(
            UUID id,
            @Schema(nullable = true) UUID depotId,
            String vin,
            String fleetNumber,
            BigDecimal batteryKwh,
            @Schema(nullable = true) BigDecimal maxAcKw,
            @Schema(nullable = true) BigDecimal maxDcKw,
            @Schema(nullable = true) BigDecimal efficiencyKwhPerKm,
            @Schema(nullable = true) String telematicsProvider,
            @Schema(nullable = true) String telematicsDeviceId,
            @Schema(nullable = true) String idTag,
            Instant createdAt,
            long version) {

        static VehicleView of(Vehicle v) {
            return new VehicleView(
                    v.id(),
                    v.depotId(),
                    v.vin(),
                    v.fleetNumber(),
                    v.batteryKwh(),
                    v.maxAcKw(),
                    v.maxDcKw(),
                    v.efficiencyKwhPerKm(),
                    v.telematicsProvider(),
                    v.telematicsDeviceId(),
                    v.idTag(),
                    v.createdAt(),
                    v.version());
        }
    }

    private final VehicleService vehicles;
    private final WorkspaceAccess access;

    VehicleResource(VehicleService vehicles, WorkspaceAccess access) {
        this.vehicles = vehicles;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = VehicleView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response register(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull VehicleRequest request, UriInfo uri) {
        Vehicle vehicle = vehicles.register(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, vehicle.id(), vehicle.version(), VehicleView.of(vehicle));
    }

    @GET
    public PageView<VehicleView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("depotId") String depotId,
            @QueryParam("telematicsProvider") String telematicsProvider) {
        Map<String, String> filters =
                Map.of("depotId", nullToEmpty(depotId), "telematicsProvider", nullToEmpty(telematicsProvider));
        return PageView.of(vehicles.list(access.require(workspaceId), params.toQuery(filters)), VehicleView::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        Vehicle vehicle = vehicles.get(access.require(workspaceId), id);
        return Etags.ok(vehicle.version(), VehicleView.of(vehicle));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VehicleRequest request) {
        Vehicle vehicle =
                vehicles.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(vehicle.version(), VehicleView.of(vehicle));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        vehicles.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
