package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.core.application.plan.ChargingPlanner;
import io.depotops.core.application.plan.OptimiserUnavailableException;
import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.platform.problem.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A depot's charging plan, made by schedule-creator's optimiser from core's domain (issue 10). */
@Path("/api/v1/workspaces/{workspaceId}/depots/{id}/plan")
@Tag(name = "Depots")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class PlanResource {

    /** The plan and whether it is still current ({@code expired}: plan again). */
    public record PlanView(ChargingPlan plan, boolean expired) {}

    private final ChargingPlanner planner;
    private final WorkspaceAccess access;

    PlanResource(ChargingPlanner planner, WorkspaceAccess access) {
        this.planner = planner;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Plan the depot's charging until its vehicles' next departures; keeps the plan")
    public PlanView plan(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return new PlanView(planner.plan(access.require(workspaceId), id, Instant.now()), false);
    }

    @GET
    @Operation(summary = "The depot's latest charging plan")
    public PlanView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        ChargingPlan plan = planner.current(access.require(workspaceId), id);
        return new PlanView(plan, !plan.currentAt(Instant.now()));
    }

    @ServerExceptionMapper
    Response optimiserDown(OptimiserUnavailableException e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                ProblemType.DEPENDENCY_UNAVAILABLE.status(),
                e.getMessage() + "; the previous plan is kept",
                ProblemResponses.instance(uri),
                List.of(),
                Map.of());
    }
}
