package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.incident.IncidentService;
import io.depotops.incidents.application.incident.IncidentService.IncidentDetail;
import io.depotops.incidents.application.port.IncidentRepository.Filter;
import io.depotops.incidents.domain.Page;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.IncidentEventLink;
import io.depotops.incidents.domain.incident.IncidentStatus;
import io.depotops.incidents.domain.incident.Note;
import io.depotops.incidents.domain.incident.Transition;
import io.depotops.incidents.domain.rule.Severity;
import io.depotops.platform.http.Etags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's incidents: every role lists and reads them; admins and operators acknowledge,
 * resolve and add notes. Another workspace's incident is 404.
 */
@Path("/api/v1/workspaces/{workspaceId}/incidents")
@Tag(name = "Incidents")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class IncidentResource {

    public record IncidentView(
            UUID id,
            UUID ruleId,
            long ruleVersion,
            String ruleName,
            @Schema(nullable = true) String dedupKey,
            Severity severity,
            IncidentStatus status,
            Resource resource,
            @Schema(nullable = true) Map<String, String> labels,
            @Schema(nullable = true) Instant pendingSince,
            @Schema(nullable = true) Instant openedAt,
            @Schema(nullable = true) Instant acknowledgedAt,
            @Schema(nullable = true) String acknowledgedBy,
            @Schema(nullable = true) Instant resolvedAt,
            @Schema(nullable = true) String resolvedBy,
            boolean autoResolved,
            @Schema(nullable = true) Instant lastEventAt,
            int eventCount,
            long version,
            Suppression suppression) {

        /**
         * Whether the incident notifies: {@code silenced} (the ids of the silences that matched) or
         * {@code inhibitedBy} (the active incident that inhibits it), as decided when it opened, when
         * a silence or a source came after, and before each notification.
         */
        public record Suppression(
                boolean silenced,
                List<UUID> silencedBy,
                @Schema(nullable = true) UUID inhibitedBy) {}

        /** What the incident is about: {@code type} charger, vehicle, transaction..., {@code id} the event subject. */
        public record Resource(
                @Schema(nullable = true) String type,
                @Schema(nullable = true) String id,
                @Schema(nullable = true) String siteId) {}

        static IncidentView of(Incident i) {
            return new IncidentView(
                    i.id(),
                    i.ruleId(),
                    i.ruleVersion(),
                    i.ruleName(),
                    i.dedupKey(),
                    i.severity(),
                    i.status(),
                    new Resource(i.resourceType(), i.subject(), i.siteId()),
                    i.labels(),
                    i.pendingSince(),
                    i.openedAt(),
                    i.acknowledgedAt(),
                    i.acknowledgedBy(),
                    i.resolvedAt(),
                    i.resolvedBy(),
                    i.autoResolved(),
                    i.lastEventAt(),
                    i.eventCount(),
                    i.version(),
                    new Suppression(
                            i.suppression().silenced(),
                            i.suppression().silencedBy(),
                            i.suppression().inhibitedBy()));
        }
    }

    public record IncidentDetailView(
            IncidentView incident, List<Transition> timeline, List<Note> notes, List<IncidentEventLink> events) {

        static IncidentDetailView of(IncidentDetail detail) {
            return new IncidentDetailView(
                    IncidentView.of(detail.incident()), detail.timeline(), detail.notes(), detail.events());
        }
    }

    public record PageView(
            List<IncidentView> items,
            @Schema(nullable = true) String nextCursor) {}

    /** Why a person acknowledges or resolves (optional). */
    public record ActionRequest(@Size(max = 2000) String reason) {}

    public record NoteRequest(@NotBlank @Size(max = 10000) String text) {}

    private final IncidentService incidents;
    private final WorkspaceAccess access;

    IncidentResource(IncidentService incidents, WorkspaceAccess access) {
        this.incidents = incidents;
        this.access = access;
    }

    /** Newest first; filter by any of several {@code status} and {@code severity} values, or a {@code subject}. */
    @GET
    public PageView list(
            @PathParam("workspaceId") UUID workspaceId,
            @QueryParam("status") List<IncidentStatus> statuses,
            @QueryParam("severity") List<Severity> severities,
            @QueryParam("subject") String subject,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Page<Incident> page = incidents.list(
                access.require(workspaceId),
                new Filter(
                        statuses == null ? List.of() : statuses,
                        severities == null ? List.of() : severities,
                        subject == null || subject.isBlank() ? null : subject,
                        cursor == null || cursor.isBlank() ? null : cursor,
                        limit));
        return new PageView(page.items().stream().map(IncidentView::of).toList(), page.nextCursor());
    }

    @APIResponse(
            responseCode = "200",
            description = "The incident with its timeline, notes and events; its ETag is its version",
            content = @Content(schema = @Schema(implementation = IncidentDetailView.class)))
    @GET
    @Path("/{id}")
    public Response get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        IncidentDetail detail = incidents.get(access.require(workspaceId), id);
        return Etags.ok(detail.incident().version(), IncidentDetailView.of(detail));
    }

    @APIResponse(
            responseCode = "200",
            description = "The incident as acknowledged",
            content = @Content(schema = @Schema(implementation = IncidentDetailView.class)))
    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response acknowledge(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id, @Valid ActionRequest request) {
        IncidentDetail detail =
                incidents.acknowledge(access.require(workspaceId), id, access.actor(), reason(request, "acknowledged"));
        return Etags.ok(detail.incident().version(), IncidentDetailView.of(detail));
    }

    @APIResponse(
            responseCode = "200",
            description = "The incident as resolved",
            content = @Content(schema = @Schema(implementation = IncidentDetailView.class)))
    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response resolve(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id, @Valid ActionRequest request) {
        IncidentDetail detail =
                incidents.resolve(access.require(workspaceId), id, access.actor(), reason(request, "resolved by hand"));
        return Etags.ok(detail.incident().version(), IncidentDetailView.of(detail));
    }

    @APIResponse(
            responseCode = "201",
            description = "The note as added",
            content = @Content(schema = @Schema(implementation = Note.class)))
    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response addNote(
            @PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id, @Valid @NotNull NoteRequest request) {
        Note note = incidents.addNote(access.require(workspaceId), id, access.actor(), request.text());
        return Response.status(Response.Status.CREATED).entity(note).build();
    }

    private static String reason(ActionRequest request, String fallback) {
        return request == null || request.reason() == null || request.reason().isBlank() ? fallback : request.reason();
    }
}
