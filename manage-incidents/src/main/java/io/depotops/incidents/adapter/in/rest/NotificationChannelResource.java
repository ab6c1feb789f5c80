package io.depotops.incidents.adapter.in.rest;

import io.depotops.incidents.application.notification.ChannelService;
import io.depotops.incidents.application.notification.ChannelService.ChannelDraft;
import io.depotops.incidents.application.notification.ChannelService.DeliveryLog;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.DeliveryAttempt;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.NotificationChannel.ChannelType;
import io.depotops.incidents.domain.rule.Severity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
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
 * Notification channels (admins create and delete them; every role reads them, never a webhook's
 * secret) and the delivery log: every delivery with its attempts.
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Notifications")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class NotificationChannelResource {

    public record ChannelRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull ChannelType type,

            @Schema(nullable = true, description = "WEBHOOK: http or https URL") @Size(max = 2000)
            String webhookUrl,

            @Schema(nullable = true, description = "WEBHOOK: the HMAC-SHA256 key, 16 to 200 characters; never shown")
            @Size(max = 200)
            String webhookSecret,

            @Schema(nullable = true, description = "EMAIL: recipients") @Size(max = 20)
            List<@NotBlank @Email @Size(max = 320) String> emailTo,

            @Size(max = 20) List<@Valid @NotNull LabelMatcherRequest> matchers,

            @Schema(nullable = true, description = "default INFO: every severity")
            Severity minSeverity,

            @Schema(nullable = true, description = "repeat while open; absent: no repeat") @Min(1) @Max(604800)
            Integer repeatIntervalSeconds,

            @Schema(nullable = true, description = "default 5") @Min(1) @Max(50)
            Integer maxAttempts) {}

    public record ChannelView(
            UUID id,
            String name,
            ChannelType type,
            @Schema(nullable = true) String webhookUrl,
            boolean webhookSecretSet,
            List<String> emailTo,
            List<LabelMatcherRequest> matchers,
            Severity minSeverity,
            @Schema(nullable = true) Long repeatIntervalSeconds,
            int maxAttempts,
            Instant createdAt) {

        static ChannelView of(NotificationChannel c) {
            return new ChannelView(
                    c.id(),
                    c.name(),
                    c.type(),
                    c.webhookUrl() == null ? null : c.webhookUrl().toString(),
                    c.webhookSecret() != null,
                    c.emailTo(),
                    LabelMatcherRequest.of(c.matchers()),
                    c.minSeverity(),
                    c.repeatInterval() == null ? null : c.repeatInterval().toSeconds(),
                    c.maxAttempts(),
                    c.createdAt());
        }
    }

    public record DeliveryView(
            UUID id,
            UUID channelId,
            UUID incidentId,
            Delivery.Kind kind,
            Delivery.Status status,
            int attempts,
            @Schema(nullable = true) Instant nextAttemptAt,
            Instant createdAt,
            @Schema(nullable = true) Instant sentAt,
            @Schema(nullable = true) String lastError,
            List<DeliveryAttempt> attemptLog) {

        static DeliveryView of(DeliveryLog log) {
            Delivery d = log.delivery();
            boolean due = d.status() == Delivery.Status.PENDING || d.status() == Delivery.Status.RETRYING;
            return new DeliveryView(
                    d.id(),
                    d.channelId(),
                    d.incidentId(),
                    d.kind(),
                    d.status(),
                    d.attempts(),
                    due ? d.nextAttemptAt() : null,
                    d.createdAt(),
                    d.sentAt(),
                    d.lastError(),
                    log.attempts());
        }
    }

    private final ChannelService channels;
    private final WorkspaceAccess access;

    NotificationChannelResource(ChannelService channels, WorkspaceAccess access) {
        this.channels = channels;
        this.access = access;
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new channel",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @POST
    @Path("/notification-channels")
    @RolesAllowed(Roles.ADMIN)
    public Response create(
            @PathParam("workspaceId") UUID workspaceId, @Valid @NotNull ChannelRequest request, UriInfo uri) {
        URI url = null;
        if (request.webhookUrl() != null) {
            try {
                url = new URI(request.webhookUrl());
            } catch (java.net.URISyntaxException e) {
                throw new io.depotops.incidents.application.InvalidInputException("webhookUrl", "not a URL");
            }
        }
        NotificationChannel channel = channels.create(
                access.require(workspaceId),
                new ChannelDraft(
                        request.name(),
                        request.type(),
                        url,
                        request.webhookSecret(),
                        request.emailTo(),
                        request.matchers() == null
                                ? List.of()
                                : LabelMatcherRequest.toDomain("matchers", request.matchers()),
                        request.minSeverity(),
                        request.repeatIntervalSeconds() == null
                                ? null
                                : Duration.ofSeconds(request.repeatIntervalSeconds()),
                        request.maxAttempts() == null ? 5 : request.maxAttempts()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(channel.id().toString())
                        .build())
                .entity(ChannelView.of(channel))
                .build();
    }

    @GET
    @Path("/notification-channels")
    public List<ChannelView> list(@PathParam("workspaceId") UUID workspaceId) {
        return channels.list(access.require(workspaceId)).stream()
                .map(ChannelView::of)
                .toList();
    }

    @GET
    @Path("/notification-channels/{id}")
    public ChannelView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return ChannelView.of(channels.get(access.require(workspaceId), id));
    }

    @DELETE
    @Path("/notification-channels/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        channels.delete(access.require(workspaceId), id);
        return Response.noContent().build();
    }

    /** The delivery log, newest first: each delivery with its status and every attempt. */
    @GET
    @Path("/notification-deliveries")
    public List<DeliveryView> deliveries(
            @PathParam("workspaceId") UUID workspaceId,
            @QueryParam("incidentId") UUID incidentId,
            @QueryParam("channelId") UUID channelId,
            @QueryParam("status") Delivery.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return channels.deliveries(access.require(workspaceId), incidentId, channelId, status, limit).stream()
                .map(DeliveryView::of)
                .toList();
    }
}
