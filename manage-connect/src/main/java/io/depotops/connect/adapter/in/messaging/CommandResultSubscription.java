package io.depotops.connect.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.connect.application.command.CommandResultWatch;
import io.depotops.connect.domain.CommandResult;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Every command result on {@code depotops.events}, watched by this instance ({@link
 * EventSubscriptions#watch}), completing the results operators wait for. Results are few (one per
 * command), so each instance reading all of them is cheap.
 */
@ApplicationScoped
class CommandResultSubscription implements CommandResultWatch {

    private static final Logger LOG = Logger.getLogger(CommandResultSubscription.class);

    private final EventSubscriptions subscriptions;
    private final ObjectMapper json;
    private final Map<String, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();

    CommandResultSubscription(EventSubscriptions subscriptions, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.watch("command-results", List.of(EventTypes.CONNECT_COMMAND_RESULT_V1), this::arrived);
    }

    @Override
    public CompletableFuture<CommandResult> watch(String commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    @Override
    public void forget(String commandId) {
        waiting.remove(commandId);
    }

    private void arrived(CloudEvent event) {
        try {
            CommandResultV1 result = json.readValue(event.getData().toBytes(), CommandResultV1.class);
            CompletableFuture<CommandResult> watcher = waiting.remove(result.commandId());
            if (watcher != null) {
                watcher.complete(new CommandResult(
                        result.commandId(),
                        result.chargePointId(),
                        DepotopsEvents.workspaceOf(event),
                        CommandResult.Outcome.valueOf(result.outcome().name()),
                        result.detail(),
                        result.response(),
                        result.completedAt()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("ignored an unreadable command result: %s", e.getMessage());
        }
    }
}
