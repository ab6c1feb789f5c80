package io.depotops.platform.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Publishes persistent messages and returns only once the broker has confirmed them, so a caller
 * that gets no exception knows the broker has taken responsibility for the message.
 */
@ApplicationScoped
public class ConfirmingPublisher {

    private static final Logger LOG = Logger.getLogger(ConfirmingPublisher.class);

    private static final TextMapSetter<Map<String, Object>> HEADER_SETTER = Map::put;

    private final RabbitMqConnection connection;
    private final RabbitMqSettings settings;
    private final OpenTelemetry openTelemetry;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Consumer<ReturnedMessage>> returnHandlers;
    private final ExecutorService returnDispatch;
    private Channel channel;

    @Inject
    ConfirmingPublisher(RabbitMqConnection connection, RabbitMqSettings settings, OpenTelemetry openTelemetry) {
        this(
                connection,
                settings,
                openTelemetry,
                new ConcurrentHashMap<>(),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    private ConfirmingPublisher(
            RabbitMqConnection connection,
            RabbitMqSettings settings,
            OpenTelemetry openTelemetry,
            Map<String, Consumer<ReturnedMessage>> returnHandlers,
            ExecutorService returnDispatch) {
        this.connection = connection;
        this.settings = settings;
        this.openTelemetry = openTelemetry;
        this.returnHandlers = returnHandlers;
        this.returnDispatch = returnDispatch;
    }

    /**
     * A publisher on a channel of its own (same connection, same {@link #onReturn} handlers), for a
     * component that publishes in volume (the outbox relay, a buffered publisher): its batches then
     * neither wait for nor delay the confirms of the service's other publishes, which share this
     * one's channel and lock.
     */
    public ConfirmingPublisher withOwnChannel() {
        return new ConfirmingPublisher(connection, settings, openTelemetry, returnHandlers, returnDispatch);
    }

    /** A message the broker could not route to any queue, handed back (basic.return). */
    public record ReturnedMessage(
            String exchange, String routingKey, String messageId, String replyText, byte[] body) {}

    /**
     * Publishes to {@code exchange} with the mandatory flag from now on, and hands every message the
     * broker cannot route to {@code handler} (on a thread of its own, not the connection's). A
     * returned message still counts as published: its confirm follows the return.
     */
    public void onReturn(String exchange, Consumer<ReturnedMessage> handler) {
        returnHandlers.put(exchange, handler);
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
                boolean mandatory = returnHandlers.containsKey(message.exchange());
                open.basicPublish(
                        message.exchange(), message.routingKey(), mandatory, properties(message), message.body());
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
            channel.addReturnListener(returned -> {
                Consumer<ReturnedMessage> handler = returnHandlers.get(returned.getExchange());
                if (handler != null) {
                    ReturnedMessage message = new ReturnedMessage(
                            returned.getExchange(),
                            returned.getRoutingKey(),
                            returned.getProperties().getMessageId(),
                            returned.getReplyText(),
                            returned.getBody());
                    returnDispatch.execute(() -> {
                        try {
                            handler.accept(message);
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "handling the returned message %s failed", message.messageId());
                        }
                    });
                }
            });
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
