package io.depotops.connect.application.command;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.command.mapper.CommandMappers;
import io.depotops.connect.application.command.mapper.InvalidCommandException;
import io.depotops.connect.application.command.mapper.OcppCall;
import io.depotops.connect.application.routing.ChargerHolders;
import io.depotops.connect.application.routing.InstanceIdentity;
import io.depotops.connect.application.session.CallOutcome;
import io.depotops.connect.application.session.OcppSessions;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.CommandResult;
import io.depotops.connect.domain.CommandResult.Outcome;
import io.depotops.connect.domain.OcppVersion;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs commands from core and operators: maps each to the OCPP call of the charger's version,
 * sends it through the session layer and publishes how it ended ({@link CommandResults}), so every
 * command gets a result, never silence.
 */
@ApplicationScoped
public class CommandService {

    private static final Logger LOG = Logger.getLogger(CommandService.class);

    /**
     * Status words of a charger's answer that mean it accepted the command: also when it takes
     * effect later (Scheduled; RebootRequired: the new value applies after a reboot) or replaced a
     * running firmware update or log upload (AcceptedCanceled).
     */
    static final Set<String> ACCEPTING =
            Set.of("Accepted", "Scheduled", "Unlocked", "RebootRequired", "AcceptedCanceled");

    /** Outcome of {@link #submit}: run here, forwarded to the holding instance, or nobody holds it. */
    public sealed interface Submission {
        /** Held here: the result, once published. */
        record Running(CompletableFuture<CommandResult> result) implements Submission {}

        /**
         * Held by another instance: forwarded on the commands exchange; {@code result} completes
         * when that instance publishes the result (call {@link CommandService#stopWatching} when
         * no longer waiting).
         */
        record Forwarded(String holder, CompletableFuture<CommandResult> result) implements Submission {}

        /** No instance holds the charger: OFFLINE, already published. */
        record Offline(CommandResult result) implements Submission {}
    }

    private static final int RECORD_ATTEMPTS = 3;

    private final OcppSessions sessions;
    private final CommandMappers mappers;
    private final CommandResults results;
    private final CommandRequests requests;
    private final ChargerHolders holders;
    private final CommandForwarding forwarding;
    private final CommandResultWatch resultWatch;
    private final InstanceIdentity instance;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public CommandService(
            OcppSessions sessions,
            CommandMappers mappers,
            CommandResults results,
            CommandRequests requests,
            ChargerHolders holders,
            CommandForwarding forwarding,
            CommandResultWatch resultWatch,
            InstanceIdentity instance,
            ObjectMapper mapper,
            Clock clock) {
        this.sessions = sessions;
        this.mappers = mappers;
        this.results = results;
        this.requests = requests;
        this.holders = holders;
        this.forwarding = forwarding;
        this.resultWatch = resultWatch;
        this.instance = instance;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
    }

    /**
     * Runs a command for a charger whose commands are routed here. The OCPP call is queued at once
     * (so commands of one charger keep their order); the returned future completes once the result
     * is published, or fails if it could not be.
     */
    public CompletableFuture<CommandResult> execute(ChargerCommand command) {
        CompletableFuture<CommandResult> outcome;
        try {
            outcome = send(command);
        } catch (RuntimeException e) {
            LOG.errorf(e, "command %s for %s failed unexpectedly", command.commandId(), command.chargePointId());
            outcome = CompletableFuture.completedFuture(
                    CommandResult.of(command, Outcome.FAILED, "internal error", clock.instant()));
        }
        return outcome.thenApplyAsync(this::publish, workers);
    }

    /**
     * A command this instance forwarded that reached no instance (the holder record named one that
     * is gone): OFFLINE, published, so the operator waiting for it and core get a result.
     */
    public CompletableFuture<CommandResult> undeliverable(ChargerCommand command) {
        CommandResult result = CommandResult.of(
                command, Outcome.OFFLINE, "no connect instance holds the charger any more", clock.instant());
        return CompletableFuture.supplyAsync(() -> publish(result), workers);
    }

    /**
     * A command message that cannot be read as a command (but names its id and charger): FAILED,
     * published.
     */
    public CompletableFuture<CommandResult> unreadable(
            String commandId, String chargePointId, String workspaceId, String detail) {
        CommandResult result = new CommandResult(
                commandId,
                chargePointId,
                workspaceId,
                Outcome.FAILED,
                "invalid command: " + detail,
                null,
                clock.instant());
        return CompletableFuture.supplyAsync(() -> publish(result), workers);
    }

    /**
     * A command an operator sent through connect's API: recorded for core first (one history of
     * commands per charger), then {@link #submit submitted}.
     */
    public Submission submitFromOperator(ChargerCommand command, String requestedBy) {
        requests.requested(command, requestedBy);
        return submit(command);
    }

    /**
     * An operator's command: run here if this instance holds the charger, else forwarded to the
     * holding instance, else answered OFFLINE (and that result published).
     */
    public Submission submit(ChargerCommand command) {
        if (sessions.isLive(command.chargePointId())) {
            return new Submission.Running(execute(command));
        }
        Optional<String> holder = holders.holder(command.chargePointId());
        if (holder.isPresent() && !holder.get().equals(instance.id())) {
            CompletableFuture<CommandResult> result = resultWatch.watch(command.commandId());
            try {
                forwarding.forward(command);
            } catch (RuntimeException e) {
                resultWatch.forget(command.commandId());
                throw e;
            }
            return new Submission.Forwarded(holder.get(), result);
        }
        return new Submission.Offline(publish(CommandResult.of(
                command, Outcome.OFFLINE, "charger is not connected to any connect instance", clock.instant())));
    }

    /** The operator no longer waits for a forwarded command's result. */
    public void stopWatching(String commandId) {
        resultWatch.forget(commandId);
    }

    /** How long to wait for a command's result: until its deadline, at most {@code limit}. */
    public static Duration waitFor(ChargerCommand command, Duration limit, Instant now) {
        if (command.deadline() == null) {
            return limit;
        }
        Duration left = Duration.between(now, command.deadline());
        return left.isNegative() ? Duration.ZERO : left.compareTo(limit) < 0 ? left : limit;
    }

    private CompletableFuture<CommandResult> send(ChargerCommand command) {
        Instant now = clock.instant();
        Optional<OcppVersion> version = sessions.versionOf(command.chargePointId());
        if (version.isEmpty()) {
            return done(command, Outcome.OFFLINE, "charger is not connected to this connect instance");
        }
        if (command.deadline() != null && now.isAfter(command.deadline())) {
            return done(command, Outcome.TIMED_OUT, "deadline " + command.deadline() + " passed before sending");
        }
        List<CommandParameters.Invalid> invalid = CommandParameters.check(command);
        if (!invalid.isEmpty()) {
            return done(
                    command,
                    Outcome.FAILED,
                    "invalid command: "
                            + invalid.stream()
                                    .map(problem -> problem.field() + " " + problem.message())
                                    .collect(Collectors.joining("; ")));
        }
        OcppCall call;
        try {
            call = mappers.map(command, version.get());
        } catch (InvalidCommandException e) {
            return done(command, Outcome.FAILED, "invalid command: " + e.getMessage());
        }
        return sessions.call(command.chargePointId(), call.action(), call.payload(), command.deadline())
                .handle((outcome, failure) -> failure != null
                        ? CommandResult.of(
                                command, Outcome.FAILED, "invalid command: " + rootMessage(failure), clock.instant())
                        : toResult(command, call, outcome));
    }

    private CommandResult toResult(ChargerCommand command, OcppCall call, CallOutcome outcome) {
        Instant at = clock.instant();
        return switch (outcome.kind()) {
            case RESULT -> {
                JsonNode payload = outcome.payload();
                JsonNode verdict = verdict(call.action(), payload);
                String status = verdict.path("status").asText("");
                String reason = verdict.path("statusInfo").path("reasonCode").asText("");
                String detail = call.action() + " " + (status.isEmpty() ? "answered" : status)
                        + (reason.isEmpty() ? "" : " (" + reason + ")");
                // An answer without a status word is the information asked for (GetConfiguration, ...).
                boolean accepted = status.isEmpty() || ACCEPTING.contains(status);
                yield new CommandResult(
                        command.commandId(),
                        command.chargePointId(),
                        command.workspaceId(),
                        accepted ? Outcome.ACCEPTED : Outcome.REJECTED,
                        detail,
                        mapper.convertValue(payload, new TypeReference<Map<String, Object>>() {}),
                        at);
            }
            case ERROR ->
                CommandResult.of(
                        command,
                        Outcome.FAILED,
                        "CALLERROR " + outcome.errorCode()
                                + (outcome.description() == null
                                                || outcome.description().isEmpty()
                                        ? ""
                                        : ": " + outcome.description()),
                        at);
            case INVALID_RESPONSE ->
                CommandResult.of(
                        command, Outcome.FAILED, "invalid answer from the charger: " + outcome.description(), at);
            case TIMED_OUT -> CommandResult.of(command, Outcome.TIMED_OUT, outcome.description(), at);
            case OFFLINE -> CommandResult.of(command, Outcome.OFFLINE, outcome.description(), at);
        };
    }

    /**
     * Where the charger's verdict is: the answer's {@code status} and {@code statusInfo}; for
     * SetVariables (one variable per command) the variable's {@code attributeStatus} and {@code
     * attributeStatusInfo}. GetVariables' per-variable statuses are left to the reader of {@code
     * response}.
     */
    private JsonNode verdict(String action, JsonNode payload) {
        if ("SetVariables".equals(action)) {
            JsonNode result = payload.path("setVariableResult").path(0);
            return mapper.createObjectNode()
                    .put("status", result.path("attributeStatus").asText(""))
                    .set("statusInfo", result.path("attributeStatusInfo"));
        }
        return payload;
    }

    private CommandResult publish(CommandResult result) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
            try {
                results.publish(result);
                LOG.debugf("command %s for %s: %s", result.commandId(), result.chargePointId(), result.outcome());
                return result;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < RECORD_ATTEMPTS) {
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        throw new IllegalStateException("could not publish the result of command " + result.commandId(), last);
    }

    private CompletableFuture<CommandResult> done(ChargerCommand command, Outcome outcome, String detail) {
        return CompletableFuture.completedFuture(CommandResult.of(command, outcome, detail, clock.instant()));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
