package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.application.CommandService;
import io.depotops.platform.messaging.EventSubscriptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** connect's command results close core's commands. */
@ApplicationScoped
class CommandResultConsumer {

    private final EventSubscriptions subscriptions;
    private final CommandService commands;
    private final ObjectMapper json;

    CommandResultConsumer(EventSubscriptions subscriptions, CommandService commands, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.commands = commands;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe(
                Queues.of("core", "command-results"), List.of(EventTypes.CONNECT_COMMAND_RESULT_V1), this::apply);
    }

    void apply(CloudEvent event) throws IOException {
        CommandResultV1 result = json.readValue(event.getData().toBytes(), CommandResultV1.class);
        UUID id;
        try {
            id = UUID.fromString(result.commandId());
        } catch (IllegalArgumentException | NullPointerException e) {
            return; // a command connect ran for someone else (e.g. its own REST API)
        }
        commands.resultReported(
                id,
                result.outcome().name(),
                result.detail(),
                result.response(),
                result.completedAt() != null ? result.completedAt() : Instant.now());
    }
}
