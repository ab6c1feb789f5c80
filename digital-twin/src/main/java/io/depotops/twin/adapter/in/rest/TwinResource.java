package io.depotops.twin.adapter.in.rest;

import io.depotops.twin.application.InvalidWhatIfException;
import io.depotops.twin.application.TwinService;
import io.depotops.twin.application.WhatIfChange;
import io.depotops.twin.application.port.DepotRef;
import io.depotops.twin.domain.model.ChargerState;
import io.depotops.twin.domain.model.NodeState;
import io.depotops.twin.domain.model.VehicleState;
import io.depotops.twin.domain.projection.DepotProjection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A depot's live model with its projections, and what-ifs on a copy of it. Users' tokens; every
 * role of the depot's workspace reads; another workspace's depot answers 404.
 */
@Path("/api/v1/workspaces/{workspaceId}/depots/{depotId}/twin")
@Tag(name = "Digital twin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class TwinResource {

    private final TwinService twin;
    private final WorkspaceAccess access;

    TwinResource(TwinService twin, WorkspaceAccess access) {
        this.twin = twin;
        this.access = access;
    }

    /** The model (every charger, vehicle and node with when it was last confirmed) and its projections. */
    public record TwinView(
            String workspaceId,
            String depotId,
            Instant syncedAt,
            List<ChargerState> chargers,
            List<VehicleState> vehicles,
            List<NodeState> nodes,
            DepotProjection projection) {}

    /** One change of a what-if: {@code kind} CHARGER_DOWN, LIMIT_LOWERED or VEHICLE_LATE, with its fields. */
    public record ChangeRequest(
            @NotNull String kind,
            String chargePointId,
            String nodeId,
            @PositiveOrZero @Max(1_000_000) Double limitKw,
            String vehicleId,
            @Min(-1440) @Max(10_080) Long minutes) {}

    public record WhatIfRequest(
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull ChangeRequest> changes) {}

    public record WhatIfView(DepotProjection live, DepotProjection changed) {}

    @GET
    public TwinView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("depotId") String depotId) {
        TwinService.Live live = twin.view(depot(workspaceId, depotId));
        List<ChargerState> chargers = new ArrayList<>(live.model().chargers().values());
        chargers.sort(Comparator.comparing(ChargerState::chargePointId));
        List<VehicleState> vehicles = new ArrayList<>(live.model().vehicles().values());
        vehicles.sort(Comparator.comparing(VehicleState::vehicleId));
        List<NodeState> nodes = new ArrayList<>(live.model().nodes().values());
        nodes.sort(Comparator.comparing(NodeState::nodeId));
        return new TwinView(
                live.model().workspaceId(),
                live.model().depotId(),
                live.model().syncedAt(),
                chargers,
                vehicles,
                nodes,
                live.projection());
    }

    @POST
    @Path("/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    public WhatIfView whatIf(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("depotId") String depotId,
            @Valid @NotNull WhatIfRequest request) {
        List<WhatIfChange> changes =
                request.changes().stream().map(TwinResource::change).toList();
        TwinService.WhatIf result = twin.whatIf(depot(workspaceId, depotId), changes);
        return new WhatIfView(result.live(), result.changed());
    }

    private DepotRef depot(UUID workspaceId, String depotId) {
        return new DepotRef(access.require(workspaceId).toString(), depotId);
    }

    private static WhatIfChange change(ChangeRequest change) {
        return switch (change.kind()) {
            case "CHARGER_DOWN" -> new WhatIfChange.ChargerDown(required(change.chargePointId(), "chargePointId"));
            case "LIMIT_LOWERED" ->
                new WhatIfChange.LimitLowered(
                        required(change.nodeId(), "nodeId"), required(change.limitKw(), "limitKw"));
            case "VEHICLE_LATE" ->
                new WhatIfChange.VehicleLate(
                        required(change.vehicleId(), "vehicleId"),
                        Duration.ofMinutes(required(change.minutes(), "minutes")));
            default ->
                throw new InvalidWhatIfException(
                        "kind must be CHARGER_DOWN, LIMIT_LOWERED or VEHICLE_LATE, not " + change.kind());
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidWhatIfException(field + " is required for this kind of change");
        }
        return value;
    }
}
