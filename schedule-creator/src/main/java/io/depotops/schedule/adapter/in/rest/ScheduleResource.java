package io.depotops.schedule.adapter.in.rest;

import io.depotops.contracts.schedule.ReplanRequestV1;
import io.depotops.contracts.schedule.ScheduleRequestV1;
import io.depotops.contracts.schedule.ScheduleV1;
import io.depotops.platform.security.WorkspaceGrants;
import io.depotops.schedule.application.NotFoundException;
import io.depotops.schedule.application.plan.Plan;
import io.depotops.schedule.application.plan.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Schedules for users (planners, notebooks): admins and operators plan and re-plan in the
 * workspaces of their token, every role reads a plan. A plan of another workspace answers 404.
 */
@Path("/api/v1/schedules")
@Tag(name = "Schedules")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ScheduleResource {

    private final PlanService plans;
    private final JsonWebToken token;

    ScheduleResource(PlanService plans, JsonWebToken token) {
        this.plans = plans;
        this.token = token;
    }

    /** Solves the problem and keeps the plan for re-planning until it expires. */
    @APIResponse(
            responseCode = "201",
            description = "The schedule, kept as a plan; Location names it",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ScheduleV1.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(@NotNull ScheduleRequestV1 request, UriInfo uri) {
        var problem = ProblemReader.problem(request);
        var options = ProblemReader.options(request.options());
        if (!WorkspaceGrants.of(token).allows(request.workspaceId())) {
            throw new NotFoundException("workspace", request.workspaceId());
        }
        Plan plan = plans.plan(request.workspaceId(), problem, options);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(plan.id().toString()).build())
                .entity(ScheduleViews.of(plan))
                .build();
    }

    @GET
    @Path("/{planId}")
    public ScheduleV1 get(@PathParam("planId") UUID planId) {
        return ScheduleViews.of(plans.get(planId, WorkspaceGrants.of(token)::allows));
    }

    /** Plans again from the slot that holds {@code at}, with the changes; 409 if based on an old version. */
    @POST
    @Path("/{planId}/replan")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public ScheduleV1 replan(@PathParam("planId") UUID planId, @NotNull ReplanRequestV1 request) {
        WorkspaceGrants grants = WorkspaceGrants.of(token);
        Plan plan = plans.get(planId, grants::allows);
        return ScheduleViews.of(plans.replan(
                planId,
                grants::allows,
                request.basedOnVersion() == null ? -1 : request.basedOnVersion(),
                ScheduleViews.changes(request, plan)));
    }
}
