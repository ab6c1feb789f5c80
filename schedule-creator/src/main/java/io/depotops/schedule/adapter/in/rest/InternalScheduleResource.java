package io.depotops.schedule.adapter.in.rest;

import io.depotops.contracts.schedule.ReplanRequestV1;
import io.depotops.contracts.schedule.ScheduleRequestV1;
import io.depotops.contracts.schedule.ScheduleV1;
import io.depotops.platform.serviceauth.InternalApi;
import io.depotops.schedule.application.plan.Plan;
import io.depotops.schedule.application.plan.PlanService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same planning for core's charging planner, on the internal listener with core's service
 * token (ADR 0008): core has already checked the workspace; the plan is kept under the workspace
 * the request names.
 */
@Path("/internal/v1/schedules")
@Tag(name = "Internal")
@InternalApi(callers = "manage-core")
@PermitAll
public class InternalScheduleResource {

    private final PlanService plans;

    InternalScheduleResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    public ScheduleV1 create(@NotNull ScheduleRequestV1 request) {
        var problem = ProblemReader.problem(request);
        var options = ProblemReader.options(request.options());
        return ScheduleViews.of(plans.plan(request.workspaceId(), problem, options));
    }

    @POST
    @Path("/{planId}/replan")
    public ScheduleV1 replan(@PathParam("planId") UUID planId, @NotNull ReplanRequestV1 request) {
        Plan plan = plans.get(planId, workspace -> true);
        return ScheduleViews.of(plans.replan(
                planId,
                workspace -> true,
                request.basedOnVersion() == null ? -1 : request.basedOnVersion(),
                ScheduleViews.changes(request, plan)));
    }
}
