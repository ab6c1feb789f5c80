package io.depotops.core.application;

import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.CommandDispatcher;
import io.depotops.core.application.port.CommandStore;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargerCommand;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Commands to chargers: recorded, handed to connect through the outbox (so a broker outage delays
 * but never loses them), closed by the result connect publishes, or as TIMED_OUT at their
 * deadline when no result comes (e.g. no connect instance holds the charger).
 */
@ApplicationScoped
public class CommandService {

    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    static final Duration MAX_DEADLINE = Duration.ofMinutes(15);

    private final ChargerRepository chargers;
    private final CommandStore store;
    private final CommandDispatcher dispatcher;
    private final Clock clock;

    CommandService(ChargerRepository chargers, CommandStore store, CommandDispatcher dispatcher, Clock clock) {
        this.chargers = chargers;
        this.clock = clock;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Transactional
    public ChargerCommand send(
            UUID workspaceId,
            UUID chargerId,
            String command,
            Map<String, Object> parameters,
            Integer deadlineSeconds,
            String requestedBy) {
        Charger charger =
                chargers.find(workspaceId, chargerId).orElseThrow(() -> new NotFoundException("charger", chargerId));
        if (command == null || !dispatcher.commands().contains(command)) {
            throw new InvalidInputException(
                    "command", "must be one of " + new java.util.TreeSet<>(dispatcher.commands()));
        }
        Duration window = deadlineSeconds == null ? DEFAULT_DEADLINE : Duration.ofSeconds(deadlineSeconds);
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_DEADLINE) > 0) {
            throw new InvalidInputException("deadlineSeconds", "must be 1 to " + MAX_DEADLINE.toSeconds());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ChargerCommand recorded = store.insert(new ChargerCommand(
                UUID.randomUUID(),
                workspaceId,
                charger.id(),
                charger.chargePointId(),
                command,
                parameters,
                requestedBy,
                now,
                now.plus(window),
                ChargerCommand.PENDING,
                null,
                null,
                null));
        dispatcher.dispatch(recorded);
        return recorded;
    }

    public ChargerCommand get(UUID workspaceId, UUID id) {
        return store.find(workspaceId, id).orElseThrow(() -> new NotFoundException("command", id));
    }

    public Page<ChargerCommand> list(UUID workspaceId, ListQuery query) {
        return store.list(workspaceId, query);
    }

    /** The result connect published; applied once, later duplicates change nothing. */
    @Transactional
    public void resultReported(
            UUID commandId, String outcome, String detail, Map<String, Object> response, Instant at) {
        if (!ChargerCommand.OUTCOMES.contains(outcome)) {
            throw new InvalidInputException("outcome", "unknown command outcome " + outcome);
        }
        store.complete(commandId, outcome, detail, response, at);
    }

    @Transactional
    public int expire(Instant now) {
        return store.expire(now);
    }
}
