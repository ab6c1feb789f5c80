package io.depotops.platform.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.Queues;
import java.io.IOException;
import java.util.Map;

/** The exchanges every service relies on; declared (idempotently) on every (re)connect. */
public final class Topology {

    private Topology() {}

    public static void declareShared(Channel channel) throws IOException {
        channel.exchangeDeclare(Exchanges.EVENTS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(Exchanges.COMMANDS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(Exchanges.DEAD_LETTERS, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(Queues.DEAD_LETTERS, true, false, false, null);
        channel.queueBind(Queues.DEAD_LETTERS, Exchanges.DEAD_LETTERS, "#");
    }

    /**
     * A durable consumer queue that parks rejected messages on the dead-letter exchange, bound to
     * {@link Exchanges#EVENTS} with each of the given keys.
     */
    public static void declareEventQueue(Channel channel, String queue, String... bindingKeys) throws IOException {
        channel.queueDeclare(
                queue, true, false, false, Map.of(Queues.ARG_DEAD_LETTER_EXCHANGE, Exchanges.DEAD_LETTERS));
        for (String key : bindingKeys) {
            channel.queueBind(queue, Exchanges.EVENTS, key);
        }
    }
}
