package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.report.ReportDefinitionService;
import io.depotops.core.application.report.ReportDefinitionService.DefinitionInput;
import io.depotops.core.domain.report.ReportDefinition;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import io.depotops.core.domain.report.ReportPeriod;
import io.depotops.core.domain.report.ReportRun;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Report definitions: reports generated on a cron schedule in the depot's zone, once per cron time
 * across core instances, their link mailed to the recipients. Changes need the ETag in If-Match.
 */
@Path("/api/v1/workspaces/{workspaceId}/report-definitions")
@Tag(name = "Reports")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ReportDefinitionResource {

    private static final String EXAMPLE = """
            {"name": "Monthly sessions", "depotId": "4f9b1c2e-0c1d-4a57-9a51-7d0c1f2b8e11",
             "kind": "CHARGING_SESSIONS", "format": "XLSX", "period": "PREVIOUS_MONTH",
             "cron": "0 6 1 * *", "recipients": ["fleet.manager@example.com"], "enabled": true}""";

    @Schema(name = "ReportDefinitionRequest")
    public record DefinitionRequest(
            @Schema(required = true, example = "Monthly sessions")
            String name,

            @Schema(
                    required = true,
                    description = "the depot whose chargers are reported and whose time zone reads the cron expression")
            UUID depotId,

            @Schema(required = true, example = "CHARGING_SESSIONS")
            ReportKind kind,

            @Schema(description = "CSV (default) or XLSX") ReportFormat format,

            @Schema(
                    required = true,
                    description =
                            "what each run covers: the day, week (Monday to Monday) or month before the cron time, in the depot's zone")
            ReportPeriod period,

            @Schema(
                    required = true,
                    description = "Unix cron (minute hour day-of-month month day-of-week) in the depot's zone",
                    example = "0 6 * * 1")
            String cron,

            @Schema(description = "up to 20 email addresses told of each ready report")
            List<String> recipients,

            @Schema(description = "default true") Boolean enabled) {

        DefinitionInput input() {
            return new DefinitionInput(name, depotId, kind, format, period, cron, recipients, enabled);
        }
    }

    private final ReportDefinitionService definitions;
    private final WorkspaceAccess access;

    ReportDefinitionResource(ReportDefinitionService definitions, WorkspaceAccess access) {
        this.definitions = definitions;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Define a scheduled report")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "monthly", value = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; ETag is its version, schedule.scheduledFor its first cron time",
            content = @Content(schema = @Schema(implementation = ReportDefinition.class)))
    public Response create(@PathParam("workspaceId") UUID workspaceId, DefinitionRequest request, UriInfo uri) {
        ReportDefinition created = definitions.create(access.require(workspaceId), input(request));
        return Etags.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Operation(summary = "The workspace's report definitions, by name")
    public List<ReportDefinition> list(@PathParam("workspaceId") UUID workspaceId) {
        return definitions.list(access.require(workspaceId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report definition and where its schedule stands (ETag)")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        ReportDefinition definition = definitions.get(access.require(workspaceId), id);
        return Etags.ok(definition.version(), definition);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Replace a report definition (If-Match); its schedule restarts at the next cron time")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "monthly", value = EXAMPLE)))
    public Response replace(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            DefinitionRequest request) {
        long expected = Etags.requiredVersion(ifMatch);
        ReportDefinition updated = definitions.update(access.require(workspaceId), id, input(request), expected);
        return Etags.ok(updated.version(), updated);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Delete a report definition and its run history (If-Match); its reports stay")
    public Response delete(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long expected = Etags.requiredVersion(ifMatch);
        definitions.delete(access.require(workspaceId), id, expected);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/runs")
    @Operation(
            summary =
                    "The definition's finished runs, newest cron time first: READY with the report, FAILED with the reason")
    public List<ReportRun> runs(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return definitions.runs(access.require(workspaceId), id, limit);
    }

    private static DefinitionInput input(DefinitionRequest request) {
        return request == null ? null : request.input();
    }
}
