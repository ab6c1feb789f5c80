package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.silence.SilenceService;
import io.depotops.incidents.application.silence.SilenceService.SilenceDraft;
import io.depotops.incidents.domain.silence.Silence;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
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
 * Silences: operators and admins create them (label matchers and a window), expire them early or
 * delete them; every role reads them. A silenced incident exists and is listed, marked silenced,
 * and sends no notification.
 */
@Path("/api/v1/workspaces/{workspaceId}/silences")
@Tag(name = "Silences")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class SilenceResource {

    public record SilenceRequest(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull LabelMatcherRequest> matchers,

            @Schema(nullable = true, description = "default: now")
            Instant startsAt,

            @NotNull Instant endsAt,
            @Size(max = 2000) String comment) {}

    public record SilenceView(
            UUID id,
            List<LabelMatcherRequest> matchers,
            Instant startsAt,
            Instant endsAt,
            Silence.State state,
            String createdBy,
            @Schema(nullable = true) String comment,
            Instant createdAt) {

        static SilenceView of(Silence s, Instant now) {
            return new SilenceView(
                    s.id(),
                    LabelMatcherRequest.of(s.matchers()),
                    s.startsAt(),
                    s.endsAt(),
                    s.state(now),
                    s.createdBy(),
                    s.comment(),
                    s.createdAt());
        }
    }

    private final SilenceService silences;
    private final WorkspaceAccess access;
    private final Clock clock;

    SilenceResource(SilenceService silences, WorkspaceAccess access, Clock clock) {
        this.silences = silences;
        this.access = access;
        this.clock = clock;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new silence",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = SilenceView.class)))
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull SilenceRequest request, UriInfo uri) {
        UUID workspace = access.require(workspaceId);
        Silence silence = silences.create(
                workspace,
                new SilenceDraft(
                        LabelMatcherRequest.toDomain("matchers", request.matchers()),
                        request.startsAt(),
                        request.endsAt(),
                        request.comment()),
                access.actor());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(silence.id().toString())
                        .build())
                .entity(SilenceView.of(silence, clock.instant()))
                .build();
    }

    @GET
    public List<SilenceView> list(@PathParam("workspaceId") UUID workspaceId) {
        Instant now = clock.instant();
        return silences.list(access.require(workspaceId)).stream()
                .map(s -> SilenceView.of(s, now))
                .toList();
    }

    @GET
    @Path("/{id}")
    public SilenceView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return SilenceView.of(silences.get(access.require(workspaceId), id), clock.instant());
    }

    /** Ends the window now; the silence stays listed as expired. */
    @POST
    @Path("/{id}/expire")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public SilenceView expire(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return SilenceView.of(silences.expire(access.require(workspaceId), id), clock.instant());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        silences.delete(access.require(workspaceId), id);
        return Response.noContent().build();
    }
}
