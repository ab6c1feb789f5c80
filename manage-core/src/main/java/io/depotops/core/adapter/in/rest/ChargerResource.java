package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.application.ChargerService;
import io.depotops.core.application.ChargerService.ChargerDraft;
import io.depotops.core.application.ChargerService.ConnectorDraft;
import io.depotops.core.domain.Charger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/chargers")
@Tag(name = "Chargers")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ChargerResource {

    /** OCPP's identifier rules for the charge point id in the websocket path (max 48, URL-safe). */
    static final String CHARGE_POINT_ID = "[A-Za-z0-9*._:+|@-]{1,48}";

    /** Numbers the server requires are boxed and {@code @NotNull}, so OpenAPI lists them as required. */
    public record ConnectorRequest(
            @NotNull @Min(1) Integer evseId,
            @NotNull @Min(1) Integer connectorId,
            @NotBlank String type,
            @NotNull @Positive @DecimalMax("3750") BigDecimal maxPowerKw) {

        ConnectorDraft toDraft() {
            return new ConnectorDraft(evseId, connectorId, type, maxPowerKw);
        }
    }

    public record ChargerRequest(
            @NotNull UUID siteId,
            @NotBlank @Pattern(regexp = CHARGE_POINT_ID) String chargePointId,
            @Size(max = 50) String vendor,
            @Size(max = 50) String model,
            @NotBlank String ocppVersion,
            @NotNull @Min(1) @Max(2) Integer securityProfile,
            @Size(min = 16, max = 40) String password,
            @NotNull @Positive @DecimalMax("3750") BigDecimal maxPowerKw,
            @NotEmpty List<@Valid @NotNull ConnectorRequest> connectors) {

        ChargerDraft toDraft() {
            return new ChargerDraft(
                    siteId,
                    chargePointId,
                    vendor,
                    model,
                    ocppVersion,
                    securityProfile,
                    password,
                    maxPowerKw,
                    connectors.stream().map(ConnectorRequest::toDraft).toList());
        }
    }

    public record ConnectorView(int evseId, int connectorId, String type, BigDecimal maxPowerKw, String status) {}

    /** A charger as clients see it: never its password or hash. */
    public record ChargerView(
            UUID id,
            UUID siteId,
            String chargePointId,
            @Schema(nullable = true) String vendor,
            @Schema(nullable = true) String model,
            String ocppVersion,
            int securityProfile,
            BigDecimal maxPowerKw,
            String status,
            @Schema(nullable = true) String bootStatus,
            @Schema(nullable = true) Instant lastBootAt,
            @Schema(nullable = true) String firmwareVersion,
            @Schema(nullable = true) String serialNumber,
            List<ConnectorView> connectors,
            Instant createdAt,
            long version) {

        static ChargerView of(Charger c) {
            return new ChargerView(
                    c.id(),
                    c.siteId(),
                    c.chargePointId(),
                    c.vendor(),
                    c.model(),
                    c.ocppVersion().label(),
                    c.securityProfile(),
                    c.maxPowerKw(),
                    c.status(),
                    c.bootStatus().name(),
                    c.lastBootAt(),
                    c.firmwareVersion(),
                    c.serialNumber(),
                    c.connectors().stream()
                            .map(k -> new ConnectorView(
                                    k.evseId(), k.connectorId(), k.type().name(), k.maxPowerKw(), k.status()))
                            .toList(),
                    c.createdAt(),
                    c.version());
        }
    }

    private final ChargerService chargers;
    private final WorkspaceAccess access;

    ChargerResource(ChargerService chargers, WorkspaceAccess access) {
        this.chargers = chargers;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new resource",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ChargerView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response register(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull ChargerRequest request, UriInfo uri) {
        Charger charger = chargers.register(access.require(workspaceId), request.toDraft());
        return Etags.created(uri, charger.id(), charger.version(), ChargerView.of(charger));
    }

    @GET
    public PageView<ChargerView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("siteId") String siteId,
            @QueryParam("status") String status,
            @QueryParam("ocppVersion") String ocppVersion,
            @QueryParam("bootStatus") String bootStatus) {
        Map<String, String> filters = Map.of(
                "siteId", nullToEmpty(siteId),
                "status", nullToEmpty(status),
                "ocppVersion", nullToEmpty(ocppVersion),
                "bootStatus", nullToEmpty(bootStatus));
        return PageView.of(chargers.list(access.require(workspaceId), params.toQuery(filters)), ChargerView::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        Charger charger = chargers.get(access.require(workspaceId), id);
        return Etags.ok(charger.version(), ChargerView.of(charger));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response update(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ChargerRequest request) {
        Charger charger =
                chargers.update(access.require(workspaceId), id, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(charger.version(), ChargerView.of(charger));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        chargers.delete(access.require(workspaceId), id, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }
}
