package io.depotops.incidents.adapter.out.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.Queues;
import io.depotops.incidents.application.port.EventSource;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.depotops.platform.messaging.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Bindings of the durable queue {@code depotops.incidents.events} to {@code depotops.events}. */
@ApplicationScoped
class RabbitMqEventSource implements EventSource {

    private final RabbitMqConnection connection;

    RabbitMqEventSource(RabbitMqConnection connection) {
        this.connection = connection;
    }

    @Override
    public void bind(Collection<String> eventTypes) {
        change(eventTypes, true);
    }

    @Override
    public void unbind(Collection<String> eventTypes) {
        change(eventTypes, false);
    }

    @Override
    public Set<String> knownEventTypes() {
        return EventTypes.all();
    }

    private void change(Collection<String> eventTypes, boolean bind) {
        if (eventTypes.isEmpty()) {
            return;
        }
        try (Channel channel = connection.openChannel()) {
            Topology.declareShared(channel);
            // Declared here too: the consumer may not have declared it yet.
            Topology.declareEventQueue(channel, Queues.INCIDENTS_EVENTS);
            for (String type : eventTypes) {
                if (bind) {
                    channel.queueBind(Queues.INCIDENTS_EVENTS, Exchanges.EVENTS, type);
                } else {
                    channel.queueUnbind(Queues.INCIDENTS_EVENTS, Exchanges.EVENTS, type);
                }
            }
        } catch (BrokerUnavailableException | IOException | TimeoutException | ShutdownSignalException e) {
            throw new UnavailableException("could not change the bindings of " + Queues.INCIDENTS_EVENTS, e);
        }
    }
}
