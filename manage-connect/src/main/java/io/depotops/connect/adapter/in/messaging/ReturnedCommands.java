package io.depotops.connect.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.command.CommandService;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.ReturnedMessage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * A command this instance forwards goes out with the mandatory flag: when the instance its Redis
 * holder record names is gone (no queue has bound the charger's key), the broker returns it and it
 * ends OFFLINE at once, never in silence.
 */
@ApplicationScoped
class ReturnedCommands {

    private static final Logger LOG = Logger.getLogger(ReturnedCommands.class);

    private final ConfirmingPublisher publisher;
    private final CommandService commands;
    private final ObjectMapper mapper;

    ReturnedCommands(ConfirmingPublisher publisher, CommandService commands, ObjectMapper mapper) {
        this.publisher = publisher;
        this.commands = commands;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent event) {
        publisher.onReturn(Exchanges.COMMANDS, this::returned);
    }

    void returned(ReturnedMessage message) {
        ChargerCommandV1 command;
        try {
            command = mapper.readValue(message.body(), ChargerCommandV1.class);
        } catch (IOException e) {
            LOG.warnf("a returned command that cannot be read (%s): ignored", message.messageId());
            return;
        }
        commands.undeliverable(new ChargerCommand(
                command.commandId(),
                command.chargePointId(),
                command.workspaceId(),
                ChargerCommand.Type.valueOf(command.command().name()),
                command.parameters(),
                command.requestedAt(),
                command.deadline()));
    }
}
