package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.DepotResource.nullToEmpty;

import io.depotops.core.application.CommandService;
import io.depotops.core.domain.ChargerCommand;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Charger commands")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class CommandResource {

    public record CommandRequest(@NotBlank String command, Map<String, Object> parameters, Integer deadlineSeconds) {}

    public record CommandView(
            UUID id,
            UUID chargerId,
            String chargePointId,
            String command,
            @Schema(nullable = true) Map<String, Object> parameters,
            String requestedBy,
            Instant requestedAt,
            @Schema(nullable = true) Instant deadline,
            String status,
            @Schema(nullable = true) String detail,
            @Schema(nullable = true) Map<String, Object> response,
            @Schema(nullable = true) Instant completedAt) {

        static CommandView of(ChargerCommand c) {
            return new CommandView(
                    c.id(),
                    c.chargerId(),
                    c.chargePointId(),
                    c.command(),
                    c.parameters(),
                    c.requestedBy(),
                    c.requestedAt(),
                    c.deadline(),
                    c.status(),
                    c.detail(),
                    c.response(),
                    c.completedAt());
        }
    }

    private final CommandService commands;
    private final WorkspaceAccess access;
    private final JsonWebToken user;

    CommandResource(CommandService commands, WorkspaceAccess access, JsonWebToken user) {
        this.commands = commands;
        this.access = access;
        this.user = user;
    }

    @APIResponse(
            responseCode = "202",
            description = "Accepted; follow its status at the Location",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = CommandView.class)))
    @POST
    @Path("/chargers/{chargerId}/commands")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Send a command to a charger; follow its status at the Location (202)")
    public Response send(
            @PathParam("workspaceId") UUID workspaceId,
            @PathParam("chargerId") UUID chargerId,
            @Valid @NotNull CommandRequest request) {
        ChargerCommand command = commands.send(
                access.require(workspaceId),
                chargerId,
                request.command(),
                request.parameters(),
                request.deadlineSeconds(),
                user.getSubject());
        return Response.accepted(CommandView.of(command))
                .location(UriBuilder.fromPath("/api/v1/workspaces/{ws}/commands/{id}")
                        .build(workspaceId, command.id()))
                .build();
    }

    @GET
    @Path("/commands/{id}")
    public CommandView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id) {
        return CommandView.of(commands.get(access.require(workspaceId), id));
    }

    @GET
    @Path("/commands")
    public PageView<CommandView> list(
            @PathParam("workspaceId") UUID workspaceId,
            @Valid @BeanParam ListParams params,
            @QueryParam("chargerId") String chargerId) {
        return PageView.of(
                commands.list(access.require(workspaceId), params.toQuery(Map.of("chargerId", nullToEmpty(chargerId)))),
                CommandView::of);
    }
}
