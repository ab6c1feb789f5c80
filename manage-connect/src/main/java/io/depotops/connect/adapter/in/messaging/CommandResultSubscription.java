package io.depotops.connect.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import io.cloudevents.CloudEvent;
import io.depotops.connect.application.CommandResultWatch;
import io.depotops.connect.domain.CommandResult;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Every command result on {@code depotops.events}, through a queue of this instance's own (server
 * named, exclusive, gone with the instance; the client's topology recovery declares it again after
 * an outage), completing the results operators wait for. Results are few (one per command), so
 * each instance reading all of them is cheap.
 */
@ApplicationScoped
class CommandResultSubscription implements CommandResultWatch {

    private static final Logger LOG = Logger.getLogger(CommandResultSubscription.class);

    private final RabbitMqConnection connection;
    private final ObjectMapper json;
    private final Map<String, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();

    CommandResultSubscription(RabbitMqConnection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        Thread.ofVirtual().name("command-result-subscription").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Channel channel = connection.openChannel();
                    String queue =
                            channel.queueDeclare("", false, true, true, null).getQueue();
                    channel.queueBind(queue, Exchanges.EVENTS, EventTypes.CONNECT_COMMAND_RESULT_V1);
                    channel.basicConsume(queue, true, (tag, delivery) -> arrived(delivery.getBody()), tag -> {});
                    return;
                } catch (BrokerUnavailableException | IOException | RuntimeException e) {
                    LOG.debugf("cannot watch command results yet: %s", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
    }

    @Override
    public CompletableFuture<CommandResult> watch(String commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    @Override
    public void forget(String commandId) {
        waiting.remove(commandId);
    }

    private void arrived(byte[] body) {
        try {
            CloudEvent event = DepotopsEvents.deserialize(body);
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
