package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.MessageLogService;
import io.depotops.core.domain.OcppMessage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/chargers/{chargerId}/messages")
@Tag(name = "OCPP message log")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class MessageLogResource {

    public record MessageView(Instant at, String direction, String ocppVersion, String sessionId, String frame) {

        static MessageView of(OcppMessage message) {
            return new MessageView(
                    message.at(), message.direction(), message.ocppVersion(), message.sessionId(), message.frame());
        }
    }

    private final MessageLogService log;
    private final WorkspaceAccess access;

    MessageLogResource(MessageLogService log, WorkspaceAccess access) {
        this.log = log;
        this.access = access;
    }

    @GET
    @Operation(summary = "A charger's OCPP frames in [from, to), newest first (default: the last 24 h)")
    public PageView<MessageView> messages(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("chargerId") UUID chargerId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor) {
        return PageView.of(
                log.messages(
                        access.require(workspaceId),
                        chargerId,
                        instant("from", from),
                        instant("to", to),
                        limit,
                        cursor),
                MessageView::of);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }
}
