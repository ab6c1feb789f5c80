package io.depotops.core.adapter.in.messaging;

import io.depotops.contracts.messaging.Exchanges;
import io.depotops.core.application.CommandService;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.ReturnedMessage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A command the broker cannot route (no connect instance has bound the charger's key, i.e. the
 * charger is connected nowhere) comes back as a basic.return: the command ends OFFLINE at once
 * instead of waiting for its deadline.
 */
@ApplicationScoped
class UnroutableCommandListener {

    private static final Logger LOG = Logger.getLogger(UnroutableCommandListener.class);

    private final ConfirmingPublisher publisher;
    private final CommandService commands;

    UnroutableCommandListener(ConfirmingPublisher publisher, CommandService commands) {
        this.publisher = publisher;
        this.commands = commands;
    }

    void start(@Observes StartupEvent event) {
        publisher.onReturn(Exchanges.COMMANDS, this::returned);
    }

    void returned(ReturnedMessage message) {
        UUID id;
        try {
            id = UUID.fromString(message.messageId());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("a returned command without a command id (%s): ignored", message.messageId());
            return;
        }
        commands.resultReported(
                id,
                "OFFLINE",
                "No connect instance holds the charger (" + message.routingKey() + "): it is not connected",
                Map.of(),
                Instant.now());
    }
}
