package io.depotops.sitepwrmon.adapter.in.rest;

import io.depotops.platform.http.Etags;
import io.depotops.sitepwrmon.application.meter.MeterDraft;
import io.depotops.sitepwrmon.application.meter.MeterService;
import io.depotops.sitepwrmon.application.port.RegisterMaps;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.meter.Meter;
import io.depotops.sitepwrmon.domain.meter.MeterProtocol;
import io.depotops.sitepwrmon.domain.meter.ModbusEndpoint;
import io.depotops.sitepwrmon.domain.meter.RegisterMap;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's meters, by the id gateways use for them ({@code PUT} creates or replaces, with
 * {@code If-Match} for a replace), their status (last reading, silence, polling fault), and the
 * Modbus register maps a meter may name.
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Meters")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class MeterResource {

    static final String METER_ID = "[A-Za-z0-9._:-]{1,100}";

    public record ModbusSettings(
            @NotBlank @Size(max = 253) String host,
            @NotNull @Min(1) @Max(65535) Integer port,
            @NotNull @Min(0) @Max(255) Integer unitId,
            @NotBlank @Size(max = 100) String registerMap) {}

    public record MeterRequest(
            @NotNull UUID nodeId,
            @NotNull MeterProtocol protocol,
            @Valid ModbusSettings modbus,
            @Min(1) @Max(86400) Integer silentAfterSeconds) {

        MeterDraft toDraft() {
            return new MeterDraft(
                    nodeId,
                    protocol,
                    modbus == null
                            ? null
                            : new ModbusEndpoint(modbus.host(), modbus.port(), modbus.unitId(), modbus.registerMap()),
                    silentAfterSeconds == null ? 60 : silentAfterSeconds);
        }
    }

    public record MeterView(
            String meterId,
            UUID nodeId,
            MeterProtocol protocol,
            @Schema(nullable = true) ModbusSettings modbus,
            int silentAfterSeconds,
            @Schema(nullable = true) Instant lastSeenAt,
            @Schema(nullable = true) Instant silentSince,
            @Schema(nullable = true) String fault,
            @Schema(nullable = true) Instant faultAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static MeterView of(Meter meter) {
            ModbusEndpoint m = meter.modbus();
            return new MeterView(
                    meter.meterId(),
                    meter.nodeId(),
                    meter.protocol(),
                    m == null ? null : new ModbusSettings(m.host(), m.port(), m.unitId(), m.registerMap()),
                    meter.silentAfterSeconds(),
                    meter.lastSeenAt(),
                    meter.silentSince(),
                    meter.fault(),
                    meter.faultAt(),
                    meter.createdAt(),
                    meter.updatedAt(),
                    meter.version());
        }
    }

    public record MeterPage(
            List<MeterView> items, @Schema(nullable = true) String nextCursor) {}

    private final MeterService meters;
    private final RegisterMaps maps;
    private final WorkspaceAccess access;

    MeterResource(MeterService meters, RegisterMaps maps, WorkspaceAccess access) {
        this.meters = meters;
        this.maps = maps;
        this.access = access;
    }

    /** Creates the meter (201) or, with {@code If-Match}, replaces it (200). */
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the ETag is the new version",
            content = @Content(schema = @Schema(implementation = MeterView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = MeterView.class)))
    @PUT
    @Path("/meters/{meterId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response put(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("meterId") @Pattern(regexp = METER_ID) String meterId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MeterRequest request) {
        UUID workspace = access.require(workspaceId);
        if (ifMatch == null || ifMatch.isBlank()) {
            Meter meter = meters.create(workspace, meterId, request.toDraft());
            return Response.status(Response.Status.CREATED)
                    .tag(Etags.of(meter.version()))
                    .entity(MeterView.of(meter))
                    .build();
        }
        Meter meter = meters.update(workspace, meterId, Etags.requiredVersion(ifMatch), request.toDraft());
        return Etags.ok(meter.version(), MeterView.of(meter));
    }

    @GET
    @Path("/meters")
    public MeterPage list(
            @PathParam("workspaceId") UUID workspaceId,
            @QueryParam("cursor") @Size(max = 300) String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        Page<Meter> page =
                meters.list(access.require(workspaceId), cursor == null || cursor.isBlank() ? null : cursor, limit);
        return new MeterPage(page.items().stream().map(MeterView::of).toList(), page.nextCursor());
    }

    @APIResponse(
            responseCode = "200",
            description = "The meter and its status; its ETag is its version",
            content = @Content(schema = @Schema(implementation = MeterView.class)))
    @GET
    @Path("/meters/{meterId}")
    public Response get(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("meterId") @Pattern(regexp = METER_ID) String meterId) {
        Meter meter = meters.get(access.require(workspaceId), meterId);
        return Etags.ok(meter.version(), MeterView.of(meter));
    }

    @DELETE
    @Path("/meters/{meterId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("meterId") @Pattern(regexp = METER_ID) String meterId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        meters.delete(access.require(workspaceId), meterId, Etags.requiredVersion(ifMatch));
        return Response.noContent().build();
    }

    /** The Modbus register maps (data) a meter may name, with where their addresses come from. */
    @GET
    @Path("/modbus-register-maps")
    public List<RegisterMap> registerMaps(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        return maps.all();
    }
}
