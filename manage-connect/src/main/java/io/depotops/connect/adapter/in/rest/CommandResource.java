package io.depotops.connect.adapter.in.rest;

import io.depotops.connect.adapter.in.ChargePointIdentity;
import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.charger.ChargerService;
import io.depotops.connect.application.command.CommandParameters;
import io.depotops.connect.application.command.CommandService;
import io.depotops.connect.application.command.CommandService.Submission;
import io.depotops.connect.application.registry.CoreUnavailableException;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.CommandResult;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import io.depotops.platform.security.WorkspaceGrants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Operators: send a command to a charger and wait for its result. Held here: run and answered 200
 * with the result (202 with the command id if it takes longer than the deadline or {@code
 * depotops.connect.command-wait}). Held by another instance: forwarded on {@code depotops.commands}
 * and answered 202 with the command id (the result comes as {@code connect.command.result.v1}).
 * Held by nobody: 200 with outcome OFFLINE at once (also published). Only for a charger of a
 * workspace the caller's token grants (else 404, as if it did not exist); recorded for core first
 * ({@code connect.command.requested.v1}), so the charger has one history of commands.
 */
@Path("/api/v1/commands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommandResource {

    private static final Logger LOG = Logger.getLogger(CommandResource.class);

    /**
     * A command as an operator sends it: {@code ChargerCommandV1} without commandId/requestedAt.
     * {@code workspaceId} is optional; given, it must be the charger's.
     */
    public record CommandRequest(
            @NotBlank @Size(max = ChargePointIdentity.MAX_LENGTH) @Pattern(regexp = ChargePointIdentity.REGEX)
            String chargePointId,

            @Schema(format = "uuid") @Size(max = 36) String workspaceId,
            @NotBlank @Size(max = 40) String command,
            Map<String, Object> parameters,
            Instant deadline) {}

    /** Answer when the result is not known yet. */
    public record PendingCommand(String commandId, String chargePointId, String status, String holder) {}

    private final CommandService commands;
    private final ChargerService chargers;
    private final ConnectSettings settings;
    private final JsonWebToken user;
    private final Validator validator;

    public CommandResource(
            CommandService commands,
            ChargerService chargers,
            ConnectSettings settings,
            JsonWebToken user,
            Validator validator) {
        this.validator = validator;
        this.commands = commands;
        this.chargers = chargers;
        this.settings = settings;
        this.user = user;
    }

    @POST
    @RolesAllowed({"admin", "operator"})
    public Response send(CommandRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON body with the command is required");
        }
        // The request's own constraints first (all of them, with the command's parameters below):
        // an id no charger can have is never looked up in core's registry.
        List<InvalidField> errors = new ArrayList<>();
        validator.validate(request).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new InvalidField(v.getPropertyPath().toString(), v.getMessage())));
        boolean plausibleId = errors.stream().noneMatch(e -> e.field().equals("chargePointId"));
        ChargerCommand command = validated(request, plausibleId ? workspaceOf(request) : null, errors);
        Submission submission;
        try {
            submission = commands.submitFromOperator(command, user.getSubject());
        } catch (RuntimeException e) {
            LOG.warnf("command %s for %s not submitted: %s", command.commandId(), command.chargePointId(), e);
            throw new ProblemException(
                    ProblemType.DEPENDENCY_UNAVAILABLE, "The command could not be handed on; try again shortly");
        }
        return switch (submission) {
            case Submission.Offline offline ->
                Response.ok(toContract(offline.result())).build();
            case Submission.Forwarded forwarded -> {
                try {
                    yield awaited(command, forwarded.result(), "FORWARDED", forwarded.holder());
                } finally {
                    commands.stopWatching(command.commandId());
                }
            }
            case Submission.Running running -> awaited(command, running.result(), "PENDING", null);
        };
    }

    /** 200 with the result once it is there, 202 when it takes longer than the wait. */
    private Response awaited(
            ChargerCommand command, CompletableFuture<CommandResult> result, String pendingStatus, String holder) {
        Duration wait = CommandService.waitFor(command, settings.commandWait(), Instant.now());
        try {
            return Response.ok(toContract(result.get(wait.toMillis(), TimeUnit.MILLISECONDS)))
                    .build();
        } catch (TimeoutException e) {
            return Response.accepted(
                            new PendingCommand(command.commandId(), command.chargePointId(), pendingStatus, holder))
                    .build();
        } catch (ExecutionException e) {
            LOG.errorf(e, "result of command %s not recorded", command.commandId());
            throw new ProblemException(
                    ProblemType.DEPENDENCY_UNAVAILABLE, "The command's result could not be recorded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "Interrupted");
        }
    }

    /**
     * The workspace of the charger the command is for, from core's registry: only one the caller's
     * token grants, and the one the request names if it names one; anything else is a charger that
     * does not exist for this caller.
     */
    private String workspaceOf(CommandRequest request) {
        if (request == null
                || request.chargePointId() == null
                || request.chargePointId().isBlank()) {
            return null;
        }
        WorkspaceGrants grants = WorkspaceGrants.of(user);
        Optional<UUID> registered;
        try {
            registered = chargers.workspaceOf(request.chargePointId());
        } catch (CoreUnavailableException e) {
            throw new ProblemException(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The charger's workspace cannot be checked now; try again shortly");
        }
        UUID workspace = registered
                .filter(grants::allows)
                .filter(id -> request.workspaceId() == null || id.toString().equals(request.workspaceId()))
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No charger " + request.chargePointId() + " in your workspaces"));
        return workspace.toString();
    }

    private static ChargerCommand validated(CommandRequest request, String workspaceId, List<InvalidField> errors) {
        ChargerCommand.Type type = null;
        if (request.command() != null && !request.command().isBlank()) {
            try {
                type = ChargerCommand.Type.valueOf(request.command());
            } catch (IllegalArgumentException e) {
                errors.add(
                        new InvalidField("command", "must be one of " + Arrays.toString(ChargerCommand.Type.values())));
            }
        }
        Instant now = Instant.now();
        if (request.deadline() != null && !request.deadline().isAfter(now)) {
            errors.add(new InvalidField("deadline", "must be in the future"));
        }
        ChargerCommand command = null;
        if (type != null) {
            command = new ChargerCommand(
                    UUID.randomUUID().toString(),
                    request.chargePointId(),
                    workspaceId,
                    type,
                    request.parameters(),
                    now,
                    request.deadline());
            CommandParameters.check(command)
                    .forEach(invalid -> errors.add(new InvalidField(invalid.field(), invalid.message())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The command is not valid", errors, Map.of());
        }
        return command;
    }

    static CommandResultV1 toContract(CommandResult result) {
        return new CommandResultV1(
                result.commandId(),
                result.chargePointId(),
                CommandResultV1.Outcome.valueOf(result.outcome().name()),
                result.detail(),
                result.response(),
                result.completedAt());
    }
}
