package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.report.ReportDefinitionService;
import io.depotops.core.application.report.ReportService;
import io.depotops.core.domain.report.Report;
import io.depotops.core.domain.report.ReportFormat;
import io.depotops.core.domain.report.ReportKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports on demand: generated now, stored in S3, indexed in DynamoDB, downloaded by a short-lived link. */
@Path("/api/v1/workspaces/{workspaceId}/reports")
@Tag(name = "Reports")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ReportResource {

    @Schema(name = "ReportRequest")
    public record ReportRequest(
            @Schema(required = true, example = "CHARGING_SESSIONS")
            ReportKind kind,

            @Schema(description = "CSV (default) or XLSX") ReportFormat format,

            @Schema(required = true, example = "2026-10-01T00:00:00Z")
            Instant from,

            @Schema(required = true, description = "exclusive", example = "2026-11-01T00:00:00Z")
            Instant to,

            @Schema(description = "only this depot's chargers (default: the whole workspace)")
            UUID depotId,

            @Schema(description = "the charger whose OCPP message log is exported (kind CHARGER_MESSAGE_LOG only)")
            UUID chargerId) {}

    @Schema(name = "ReportDownload")
    public record DownloadView(String url, Instant expiresAt) {}

    private final ReportService reports;
    private final ReportDefinitionService definitions;
    private final WorkspaceAccess access;

    ReportResource(ReportService reports, ReportDefinitionService definitions, WorkspaceAccess access) {
        this.reports = reports;
        this.definitions = definitions;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Generated and stored; Location names the report",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = Report.class)))
    @APIResponse(
            responseCode = "503",
            description = "The file could not be stored; the report is listed as FAILED (extensions.reportId)")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Generate a report of [from, to) now (a period without data gives the header row only)")
    public Response generate(@PathParam("workspaceId") UUID workspaceId, ReportRequest request, UriInfo uri) {
        UUID workspace = access.require(workspaceId);
        ReportRequest body = request != null ? request : new ReportRequest(null, null, null, null, null, null);
        if (body.depotId() != null && !definitions.isDepotOf(workspace, body.depotId())) {
            throw new InvalidInputException("depotId", "is not a depot of this workspace");
        }
        Report report = reports.generate(
                new ReportService.Request(
                        workspace,
                        body.kind(),
                        body.format(),
                        body.from(),
                        body.to(),
                        body.depotId(),
                        body.chargerId()),
                true);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(report.id().toString())
                        .build())
                .entity(report)
                .build();
    }

    @GET
    @Operation(summary = "The workspace's reports, by kind and period")
    public List<Report> list(@PathParam("workspaceId") UUID workspaceId) {
        return reports.list(access.require(workspaceId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report's metadata")
    public Report get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return reports.get(access.require(workspaceId), id);
    }

    @GET
    @Path("/{id}/download")
    @Operation(summary = "A presigned link to the report's file, valid for a few minutes")
    public DownloadView download(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        ReportService.Download link = reports.download(access.require(workspaceId), id);
        return new DownloadView(link.url().toString(), link.expiresAt());
    }
}
