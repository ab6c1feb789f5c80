package io.depotops.platform.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A durable queue on the real broker, in this test run's virtual host ({@link TestBroker}), bound to
 * an exchange, that records every delivery in arrival order. It connects to the broker directly, not
 * through the service's {@link FaultProxy}, so it keeps observing while a test cuts the service's
 * link; it recovers by itself should its own connection drop.
 */
public final class TestQueue implements AutoCloseable {

    /** One delivery, with the broker's message id and the raw body. */
    public record Delivery(String messageId, String routingKey, byte[] body, Map<String, Object> headers) {}

    private final Connection connection;
    private final Channel channel;
    private final String name;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private TestQueue(Connection connection, Channel channel, String name) {
        this.connection = connection;
        this.channel = channel;
        this.name = name;
    }

    /** Declares a fresh queue bound to {@code exchange} with {@code bindingKey} and consumes it. */
    public static TestQueue bind(String exchange, String bindingKey) throws Exception {
        ConnectionFactory factory = TestBroker.connectionFactory();
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(500);
        Connection connection = factory.newConnection("depotops-test-queue");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String name = "depotops.test." + UUID.randomUUID();
        channel.queueDeclare(name, true, false, false, null);
        channel.queueBind(name, exchange, bindingKey);
        TestQueue queue = new TestQueue(connection, channel, name);
        DeliverCallback record = (tag, message) -> {
            queue.deliveries.add(new Delivery(
                    message.getProperties().getMessageId(),
                    message.getEnvelope().getRoutingKey(),
                    message.getBody(),
                    message.getProperties().getHeaders() == null
                            ? Map.of()
                            : message.getProperties().getHeaders()));
            channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
        };
        channel.basicConsume(name, false, record, tag -> {});
        return queue;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws Exception {
        try {
            channel.queueDelete(name);
        } finally {
            connection.close();
        }
    }
}
