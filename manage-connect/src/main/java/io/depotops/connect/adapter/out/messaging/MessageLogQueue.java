package io.depotops.connect.adapter.out.messaging;

import com.rabbitmq.client.Channel;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Queues;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.depotops.platform.messaging.RabbitMqSettings;
import io.depotops.platform.messaging.Topology;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Declares core's message-log queue, exactly as core's consumer does (same durable queue, same
 * dead-letter argument, same binding), before connect publishes a frame. A frame the broker can
 * route to no queue is confirmed and discarded: without this, frames published on a fresh broker
 * before core first started would be lost without a trace. Declaring an existing queue with the
 * same arguments changes nothing.
 */
@ApplicationScoped
class MessageLogQueue {

    private static final Logger LOG = Logger.getLogger(MessageLogQueue.class);

    private final RabbitMqConnection broker;
    private final RabbitMqSettings settings;
    private volatile boolean declared;

    private final boolean enabled;

    MessageLogQueue(
            RabbitMqConnection broker,
            RabbitMqSettings settings,
            @ConfigProperty(name = "depotops.connect.message-log.declare-queue", defaultValue = "true")
                    boolean enabled) {
        this.broker = broker;
        this.settings = settings;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            // a connect measured alone, with no core to consume the frames (benchmarks/charger-fleet)
            return;
        }
        Thread.ofVirtual().name("declare-message-log-queue").start(this::declareUntilDone);
    }

    private void declareUntilDone() {
        while (!declared && !Thread.currentThread().isInterrupted()) {
            try {
                Channel channel = broker.openChannel();
                try {
                    Topology.declareEventQueue(channel, Queues.CORE_MESSAGE_LOG, EventTypes.CONNECT_OCPP_FRAME_V1);
                    declared = true;
                } finally {
                    channel.abort();
                }
            } catch (BrokerUnavailableException | IOException | RuntimeException e) {
                LOG.debugf("cannot declare the message log's queue yet: %s", e.getMessage());
                try {
                    Thread.sleep(settings.reconnectInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
