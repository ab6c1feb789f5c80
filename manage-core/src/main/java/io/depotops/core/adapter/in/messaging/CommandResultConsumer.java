package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.commands.CommandRequestedV1;
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

/**
 * connect's command facts: a command an operator sent through connect's API is recorded (one
 * history of commands per charger), and every result closes its command. One queue for both, so a
 * command's request is applied before its result.
 */
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
                Queues.of("core", "command-results"),
                List.of(EventTypes.CONNECT_COMMAND_RESULT_V1, EventTypes.CONNECT_COMMAND_REQUESTED_V1),
                this::apply);
    }

    void apply(CloudEvent event) throws IOException {
        if (EventTypes.CONNECT_COMMAND_REQUESTED_V1.equals(event.getType())) {
            requested(event);
        } else {
            result(event);
        }
    }

    private void requested(CloudEvent event) throws IOException {
        CommandRequestedV1 request = json.readValue(event.getData().toBytes(), CommandRequestedV1.class);
        commands.requestedAtConnect(
                event.getId(),
                UUID.fromString(request.commandId()),
                UUID.fromString(request.workspaceId()),
                request.chargePointId(),
                request.command().name(),
                request.parameters(),
                request.requestedBy(),
                request.requestedAt(),
                request.deadline());
    }

    private void result(CloudEvent event) throws IOException {
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
