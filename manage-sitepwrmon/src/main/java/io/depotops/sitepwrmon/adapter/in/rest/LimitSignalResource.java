package io.depotops.sitepwrmon.adapter.in.rest;

import io.depotops.sitepwrmon.application.limit.LimitSignalService;
import io.depotops.sitepwrmon.domain.limit.LimitSignal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * External limit signals of a node: a cap in kW for a window (a grid operator's demand-response
 * call), effective at its start; listed until their window is over.
 */
@Path("/api/v1/workspaces/{workspaceId}/nodes/{nodeId}/limit-signals")
@Tag(name = "Limit signals")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class LimitSignalResource {

    public record SignalRequest(
            @NotNull @DecimalMin("0") @DecimalMax("1000000") Double capKw,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Size(max = 200) String source,
            @Size(max = 1000) String reason) {}

    public record SignalView(
            UUID id,
            UUID nodeId,
            double capKw,
            Instant startsAt,
            Instant endsAt,
            String source,
            @Schema(nullable = true) String reason,
            Instant createdAt) {

        static SignalView of(LimitSignal s) {
            return new SignalView(
                    s.id(), s.nodeId(), s.capKw(), s.startsAt(), s.endsAt(), s.source(), s.reason(), s.createdAt());
        }
    }

    private final LimitSignalService signals;
    private final WorkspaceAccess access;

    LimitSignalResource(LimitSignalService signals, WorkspaceAccess access) {
        this.signals = signals;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Accepted; effective from startsAt",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = SignalView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("nodeId") UUID nodeId,
            @Valid @NotNull SignalRequest request,
            UriInfo uri) {
        LimitSignal signal = signals.create(
                access.require(workspaceId),
                nodeId,
                request.capKw(),
                request.startsAt(),
                request.endsAt(),
                request.source(),
                request.reason());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(signal.id().toString())
                        .build())
                .entity(SignalView.of(signal))
                .build();
    }

    @GET
    public List<SignalView> list(@PathParam("workspaceId") UUID workspaceId, @PathParam("nodeId") UUID nodeId) {
        return signals.list(access.require(workspaceId), nodeId).stream()
                .map(SignalView::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("nodeId") UUID nodeId, @PathParam("id") UUID id) {
        signals.delete(access.require(workspaceId), nodeId, id);
        return Response.noContent().build();
    }
}
