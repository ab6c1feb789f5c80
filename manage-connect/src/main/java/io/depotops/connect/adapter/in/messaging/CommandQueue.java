package io.depotops.connect.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.depotops.connect.application.command.CommandService;
import io.depotops.connect.application.routing.CommandRoutes;
import io.depotops.connect.application.routing.InstanceIdentity;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.Queues;
import io.depotops.contracts.messaging.RoutingKeys;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.depotops.platform.messaging.RabbitMqSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * This instance's command queue, {@code depotops.connect.commands.<instanceId>}: exclusive and
 * auto-delete (it dies with the instance; a command for a charger it held is then unroutable,
 * which core sees with the mandatory flag), dead-lettering to {@code depotops.dlx}. {@code
 * chargepoint.<id>} is bound from {@code depotops.commands} while this instance holds the
 * charger's session. After a broker outage the client's recovery declares the queue, its bindings
 * and the consumer again; the bindings are also declared again here (and the ones dropped during
 * the outage removed). Commands are acknowledged once their result is in the outbox.
 */
@ApplicationScoped
public class CommandQueue implements CommandRoutes {

    private static final Logger LOG = Logger.getLogger(CommandQueue.class);
    private static final int PREFETCH = 100;

    private final RabbitMqConnection connection;
    private final RabbitMqSettings settings;
    private final CommandService commands;
    private final ObjectMapper mapper;
    private final String queue;
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Channel channel;
    private volatile boolean stopping;

    public CommandQueue(
            RabbitMqConnection connection,
            RabbitMqSettings settings,
            CommandService commands,
            InstanceIdentity instance,
            ObjectMapper mapper) {
        this.connection = connection;
        this.settings = settings;
        this.commands = commands;
        this.mapper = mapper;
        this.queue = Queues.connectCommands(instance.id());
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofVirtual().name("command-queue").start(this::setUpUntilDone);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** The queue's name (for operators and tests). */
    public String queueName() {
        return queue;
    }

    /** True once the queue is consumed. */
    public boolean isConsuming() {
        Channel current = channel;
        return current != null && current.isOpen();
    }

    @Override
    public void route(String chargePointId) {
        lock.lock();
        try {
            wanted.add(chargePointId);
            dropped.remove(chargePointId);
            Channel current = usableChannel();
            if (current != null) {
                current.queueBind(queue, Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not bind the commands of %s now (bound again on reconnect): %s", chargePointId, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unroute(String chargePointId) {
        lock.lock();
        try {
            wanted.remove(chargePointId);
            Channel current = usableChannel();
            if (current == null) {
                dropped.add(chargePointId);
                return;
            }
            current.queueUnbind(queue, Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId));
        } catch (IOException | RuntimeException e) {
            dropped.add(chargePointId);
            LOG.warnf("could not unbind the commands of %s now (unbound on reconnect): %s", chargePointId, e);
        } finally {
            lock.unlock();
        }
    }

    /** The channel when it can be used now; a new one if it died by a channel error. */
    private Channel usableChannel() {
        Channel current = channel;
        if (current != null && current.isOpen()) {
            return current;
        }
        if (current != null && connection.isOpen()) {
            // closed by a channel-level error (the connection is fine): start over
            LOG.warn("the command queue's channel closed, opening it again");
            restart();
        }
        return null;
    }

    private void setUpUntilDone() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                setUp();
                return;
            } catch (BrokerUnavailableException | IOException | RuntimeException e) {
                LOG.debugf("cannot consume %s yet: %s", queue, e.getMessage());
                try {
                    Thread.sleep(settings.reconnectInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void setUp() throws BrokerUnavailableException, IOException {
        lock.lock();
        try {
            if (channel != null && channel.isOpen()) {
                return;
            }
            Channel opened = connection.openChannel();
            opened.basicQos(PREFETCH);
            declare(opened);
            for (String chargePointId : List.copyOf(wanted)) {
                opened.queueBind(queue, Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId));
            }
            dropped.clear();
            opened.basicConsume(queue, false, new Deliveries(opened));
            if (opened instanceof Recoverable recoverable) {
                // Called once the channel is back, possibly before the client's topology recovery
                // has declared the queue again: rebind() declares it itself first.
                recoverable.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recovered) {
                        Thread.ofVirtual().name("command-queue-rebind").start(CommandQueue.this::rebind);
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recovering) {}
                });
            }
            channel = opened;
            LOG.infof("consuming commands on %s (%d chargers routed here)", queue, wanted.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * After a broker outage: the queue (should the client's recovery have failed to declare it),
     * every held charger's binding again, none of the released ones.
     */
    void rebind() {
        lock.lock();
        try {
            Channel current = channel;
            if (current == null || !current.isOpen()) {
                restart();
                return;
            }
            declare(current);
            for (String chargePointId : List.copyOf(dropped)) {
                current.queueUnbind(queue, Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId));
                dropped.remove(chargePointId);
            }
            for (String chargePointId : List.copyOf(wanted)) {
                current.queueBind(queue, Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePointId));
            }
            LOG.infof("command queue %s recovered, %d chargers routed here", queue, wanted.size());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not bind the commands again after a reconnect, starting over: %s", e.getMessage());
            restart();
        } finally {
            lock.unlock();
        }
    }

    /** Gives up the channel and sets the queue up again on a new one (the consumer with it). */
    private void restart() {
        Channel current = channel;
        channel = null;
        if (current != null) {
            try {
                current.abort();
            } catch (IOException | RuntimeException e) {
                LOG.debugf("aborting the command channel: %s", e.getMessage());
            }
        }
        Thread.ofVirtual().name("command-queue").start(this::setUpUntilDone);
    }

    private void declare(Channel on) throws IOException {
        on.queueDeclare(queue, false, true, true, Map.of(Queues.ARG_DEAD_LETTER_EXCHANGE, Exchanges.DEAD_LETTERS));
    }

    private final class Deliveries extends DefaultConsumer {

        Deliveries(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            long deliveryTag = envelope.getDeliveryTag();
            ChargerCommandV1 message;
            JsonNode tree = null;
            try {
                tree = mapper.readTree(body);
                message = mapper.treeToValue(tree, ChargerCommandV1.class);
                if (message.commandId() == null || message.chargePointId() == null || message.command() == null) {
                    throw new IllegalArgumentException("commandId, chargePointId and command are required");
                }
            } catch (IOException | RuntimeException e) {
                unreadable(envelope, properties, tree, deliveryTag, e);
                return;
            }
            ChargerCommand command = new ChargerCommand(
                    message.commandId(),
                    message.chargePointId(),
                    message.workspaceId(),
                    ChargerCommand.Type.valueOf(message.command().name()),
                    message.parameters(),
                    message.requestedAt(),
                    message.deadline());
            commands.execute(command).whenComplete((result, failure) -> settle(deliveryTag, failure));
        }

        /** A FAILED result when the message names its command and charger; else parked. */
        private void unreadable(
                Envelope envelope, AMQP.BasicProperties properties, JsonNode tree, long deliveryTag, Exception e) {
            String commandId = text(tree, "commandId", properties.getMessageId());
            String key = envelope.getRoutingKey();
            String chargePointId = text(
                    tree, "chargePointId", key != null && key.startsWith("chargepoint.") ? key.substring(12) : null);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.length() > 300) {
                reason = reason.substring(0, 300);
            }
            LOG.warnf("unreadable command %s for %s: %s", commandId, chargePointId, reason);
            if (commandId == null || chargePointId == null) {
                settle(deliveryTag, e);
                return;
            }
            commands.unreadable(commandId, chargePointId, text(tree, "workspaceId", null), reason)
                    .whenComplete((result, failure) -> settle(deliveryTag, failure));
        }

        private void settle(long deliveryTag, Throwable failure) {
            try {
                if (failure == null) {
                    getChannel().basicAck(deliveryTag, false);
                } else {
                    // the result could not be recorded: parked on depotops.dlx, not redelivered
                    LOG.errorf(failure, "command message parked: its result could not be recorded");
                    getChannel().basicReject(deliveryTag, false);
                }
            } catch (IOException | RuntimeException e) {
                // the channel died meanwhile: the exclusive queue (and the message) went with it
                LOG.debugf("could not settle command delivery %d: %s", deliveryTag, e.getMessage());
            }
        }
    }

    private static String text(JsonNode tree, String field, String fallback) {
        if (tree != null
                && tree.path(field).isTextual()
                && !tree.path(field).asText().isBlank()) {
            return tree.path(field).asText();
        }
        return fallback;
    }
}
