package io.depotops.platform.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes persistent messages and returns only once the broker has confirmed them, so a caller
 * that gets no exception knows the broker has taken responsibility for the message.
 */
@ApplicationScoped
public class ConfirmingPublisher {

    private static final TextMapSetter<Map<String, Object>> HEADER_SETTER = Map::put;

    private final RabbitMqConnection connection;
    private final RabbitMqSettings settings;
    private final OpenTelemetry openTelemetry;
    private final ReentrantLock lock = new ReentrantLock();
    private Channel channel;

    ConfirmingPublisher(RabbitMqConnection connection, RabbitMqSettings settings, OpenTelemetry openTelemetry) {
        this.connection = connection;
        this.settings = settings;
        this.openTelemetry = openTelemetry;
    }

    /** An outgoing message; {@code headers} may be empty. */
    public record OutgoingMessage(
            String exchange,
            String routingKey,
            String messageId,
            String contentType,
            byte[] body,
            Map<String, Object> headers) {}

    /**
     * Publishes and waits for the confirm. The current trace context is added to the headers unless
     * the message already carries one.
     */
    public void publish(OutgoingMessage message) throws BrokerUnavailableException {
        publishAll(List.of(message));
    }

    /**
     * Publishes the messages in order and waits once for all their confirms: a batch costs one
     * round trip to the broker, not one per message. Either every message was confirmed, or the
     * exception says some may not have been and the caller must publish them all again (consumers
     * deduplicate by message id).
     */
    public void publishAll(List<OutgoingMessage> messages) throws BrokerUnavailableException {
        if (messages.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            Channel open = confirmChannel();
            for (OutgoingMessage message : messages) {
                open.basicPublish(message.exchange(), message.routingKey(), false, properties(message), message.body());
            }
            open.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            closeQuietly();
            String what = messages.size() == 1
                    ? "message " + messages.getFirst().messageId()
                    : messages.size() + " messages from " + messages.getFirst().messageId();
            throw new BrokerUnavailableException(what + " not confirmed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new BrokerUnavailableException("interrupted while waiting for a confirm", e);
        } finally {
            lock.unlock();
        }
    }

    private AMQP.BasicProperties properties(OutgoingMessage message) {
        Map<String, Object> headers = new HashMap<>(message.headers());
        if (!headers.containsKey("traceparent")) {
            openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, HEADER_SETTER);
        }
        return new AMQP.BasicProperties.Builder()
                .messageId(message.messageId())
                .contentType(message.contentType())
                .deliveryMode(2)
                .timestamp(new java.util.Date())
                .headers(headers)
                .build();
    }

    private Channel confirmChannel() throws BrokerUnavailableException, IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection.openChannel();
            channel.confirmSelect();
        }
        return channel;
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException ignored) {
                // the channel is being discarded either way
            }
            channel = null;
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
