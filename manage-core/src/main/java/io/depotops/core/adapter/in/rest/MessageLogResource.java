package io.depotops.core.adapter.in.rest;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.MessageLogService;
import io.depotops.core.domain.LoggedFrame;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}/chargers/{chargerId}/messages")
@Tag(name = "OCPP message log")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class MessageLogResource {

    public record MessageView(
            @Schema(description = "where the frame sits in the log: GET .../messages/{key}/exchange follows a CALL")
            String key,

            Instant at,
            String direction,
            String ocppVersion,
            String sessionId,

            @Schema(description = "CALL, CALLRESULT, CALLERROR or UNREADABLE")
            String messageType,

            String messageId,

            @Schema(description = "the CALL's action; null for answers")
            String action,

            String frame) {

        static MessageView of(LoggedFrame logged) {
            if (logged == null) {
                return null;
            }
            var message = logged.message();
            return new MessageView(
                    logged.key(),
                    message.at(),
                    message.direction(),
                    message.ocppVersion(),
                    message.sessionId(),
                    logged.type().name(),
                    logged.messageId(),
                    logged.action(),
                    message.frame());
        }
    }

    @Schema(name = "OcppExchange")
    public record ExchangeView(
            MessageView call,

            @Schema(description = "null while no answer was logged within the answer window")
            MessageView answer,

            @Schema(description = "answer time - call time, in milliseconds")
            Long latencyMillis) {}

    private final MessageLogService log;
    private final WorkspaceAccess access;

    MessageLogResource(MessageLogService log, WorkspaceAccess access) {
        this.log = log;
        this.access = access;
    }

    @GET
    @Operation(
            summary = "A charger's OCPP frames in [from, to), newest first (default: the last 24 h); "
                    + "with action, only the CALLs of that action (a page may then be short while nextCursor follows)")
    public PageView<MessageView> messages(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("chargerId") UUID chargerId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("action") String action,
            @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor) {
        return PageView.of(
                log.messages(
                        access.require(workspaceId),
                        chargerId,
                        instant("from", from),
                        instant("to", to),
                        action,
                        limit,
                        cursor),
                MessageView::of);
    }

    @GET
    @Path("/{key}/exchange")
    @Operation(summary = "A CALL and the CALLRESULT or CALLERROR that answered it (same message id, other direction)")
    public ExchangeView exchange(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("chargerId") UUID chargerId,
            @PathParam("key") String key) {
        MessageLogService.Exchange exchange = log.exchange(access.require(workspaceId), chargerId, key);
        return new ExchangeView(
                MessageView.of(exchange.call()),
                MessageView.of(exchange.answer()),
                exchange.latency() == null ? null : exchange.latency().toMillis());
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
