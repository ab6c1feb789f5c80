package io.depotops.platform.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.MessageHeaders;
import io.depotops.contracts.telemetry.TelemetryAttributes;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes CloudEvents from a service's durable queues. Each delivery is handled in order, in the
 * producer's trace; a handler that fails is retried a few times with growing pauses, then the
 * message is parked on the dead-letter exchange with its reason and acknowledged, never dropped and
 * never redelivered forever. A malformed message is parked at once, and so is one its handler
 * refuses with {@link UnprocessableEventException}. A message may carry several events (a CloudEvents
 * JSON batch, {@code DepotopsEvents.BATCH_CONTENT_TYPE}): each is handled, and parked, on its own.
 * Handlers must be idempotent
 * (see the outbox module's Inbox): a crash before the acknowledgement redelivers.
 */
@ApplicationScoped
public class EventSubscriptions {

    /** Handles one event; throwing means "not processed". */
    @FunctionalInterface
    public interface EventHandler {
        void handle(CloudEvent event) throws Exception;
    }

    /**
     * Handles a batch of events in one unit of work; throwing means "none processed" (each is then
     * handled alone by the {@code single} handler, so one bad event cannot hold the others back).
     */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(List<CloudEvent> events) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(EventSubscriptions.class);
    /** A failing handler is tried again after 200 ms, 1 s and 3 s before its event is parked. */
    private static final int HANDLER_RETRIES = 3;

    private static final int PREFETCH = 50;

    private final RabbitMqConnection connection;
    private final ConfirmingPublisher publisher;
    private final RabbitMqSettings settings;
    private final Tracer tracer;
    private final OpenTelemetry openTelemetry;
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final Guard handlerRetries;

    EventSubscriptions(
            RabbitMqConnection connection,
            ConfirmingPublisher publisher,
            RabbitMqSettings settings,
            OpenTelemetry openTelemetry) {
        this.connection = connection;
        this.publisher = publisher;
        this.settings = settings;
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("depotops-messaging");
        // AssertionError: the PostgreSQL driver throws one when the server goes away mid-batch.
        this.handlerRetries = Guard.create()
                .withRetry()
                .maxRetries(HANDLER_RETRIES)
                .delay(200, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .retryOn(List.of(Exception.class, AssertionError.class))
                .abortOn(UnprocessableEventException.class)
                .beforeRetry(failure -> LOG.debugf("handling an event failed, retrying: %s", failure.getMessage()))
                .withExponentialBackoff()
                .factor(5)
                .maxDelay(3, ChronoUnit.SECONDS)
                .done()
                .done()
                .build();
    }

    /**
     * Declares {@code queue} bound to {@code depotops.events} with the keys and consumes it with
     * {@code handler}. Returns at once; while the broker is unreachable it keeps trying, and once
     * consuming, the client's recovery resumes the consumer after an outage.
     */
    public void subscribe(String queue, List<String> bindingKeys, EventHandler handler) {
        consume(queue, bindingKeys, PREFETCH, channel -> new Delivery(channel, queue, handler));
    }

    /**
     * Like {@link #subscribe}, for high-volume queues: deliveries are taken in batches of up to
     * {@code maxBatch} (or what arrived within {@code maxWait} of the first) and handed to {@code
     * batch} in one call, in queue order, then acknowledged together. When the batch fails, its
     * events go one by one through {@code single} with the usual retries and parking.
     */
    public void subscribeBatches(
            String queue,
            List<String> bindingKeys,
            int maxBatch,
            Duration maxWait,
            BatchHandler batch,
            EventHandler single) {
        subscribeBatches(queue, bindingKeys, maxBatch, maxBatch * 2, maxWait, batch, single);
    }

    /**
     * Like {@link #subscribeBatches(String, List, int, Duration, BatchHandler, EventHandler)} with the
     * broker's prefetch in messages given: for queues whose messages are CloudEvents batches, where
     * {@code maxBatch} (in events) says little about how many messages to hold.
     */
    public void subscribeBatches(
            String queue,
            List<String> bindingKeys,
            int maxBatch,
            int prefetch,
            Duration maxWait,
            BatchHandler batch,
            EventHandler single) {
        consume(
                queue,
                bindingKeys,
                prefetch,
                channel -> new BatchDelivery(channel, queue, maxBatch, maxWait, batch, single));
    }

    /**
     * Watches events for this instance's lifetime: a server-named, exclusive, auto-deleted queue
     * bound to {@code depotops.events} with the keys (the client's recovery declares it again after
     * an outage), acknowledged on arrival. For announcements every instance wants and whose loss
     * the reader makes good otherwise (it catches up by reading its source), never for facts that
     * must be processed. A handler's failure is logged and the event dropped.
     */
    public void watch(String purpose, List<String> bindingKeys, java.util.function.Consumer<CloudEvent> handler) {
        Thread.ofVirtual().name("watch-" + purpose).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Channel channel = connection.openChannel();
                    String queue =
                            channel.queueDeclare("", false, true, true, null).getQueue();
                    for (String key : bindingKeys) {
                        channel.queueBind(queue, Exchanges.EVENTS, key);
                    }
                    channel.basicConsume(
                            queue,
                            true,
                            (tag, delivery) -> {
                                try {
                                    DepotopsEvents.deserializeAll(delivery.getBody())
                                            .forEach(handler);
                                } catch (RuntimeException e) {
                                    LOG.debugf(
                                            "%s: ignored an event that could not be handled: %s",
                                            purpose, e.getMessage());
                                }
                            },
                            tag -> {});
                    channels.add(channel);
                    return;
                } catch (BrokerUnavailableException | IOException | RuntimeException e) {
                    LOG.debugf("cannot watch %s yet: %s", purpose, e.getMessage());
                    pause(settings.reconnectInterval());
                }
            }
        });
    }

    /**
     * Declares the queue with its bindings and consumes it with manual acks; returns at once and,
     * while the broker is unreachable, keeps trying in the background.
     */
    private void consume(
            String queue, List<String> bindingKeys, int prefetch, Function<Channel, DefaultConsumer> consumer) {
        Thread.ofVirtual().name("subscribe-" + queue).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Channel channel = connection.openChannel();
                    channel.basicQos(prefetch);
                    Topology.declareEventQueue(channel, queue, bindingKeys.toArray(String[]::new));
                    channel.basicConsume(queue, false, consumer.apply(channel));
                    channels.add(channel);
                    LOG.infof("consuming %s (prefetch %d)", queue, prefetch);
                    return;
                } catch (BrokerUnavailableException | IOException | RuntimeException e) {
                    LOG.debugf("cannot consume %s yet: %s", queue, e.getMessage());
                    pause(settings.reconnectInterval());
                }
            }
        });
    }

    /** Collects deliveries; one worker per channel handles them in order, a batch at a time. */
    private final class BatchDelivery extends DefaultConsumer {

        private record Pending(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {}

        /** A delivery taken for a batch with its events; none when it could not be read. */
        private record Taken(Pending pending, List<CloudEvent> events) {}

        private final BlockingQueue<Pending> arrived = new LinkedBlockingQueue<>();
        private final AtomicBoolean working = new AtomicBoolean();
        private final Delivery one;
        private final String queue;
        private final int maxBatch;
        private final Duration maxWait;
        private final BatchHandler batch;

        BatchDelivery(
                Channel channel,
                String queue,
                int maxBatch,
                Duration maxWait,
                BatchHandler batch,
                EventHandler single) {
            super(channel);
            this.one = new Delivery(channel, queue, single);
            this.queue = queue;
            this.maxBatch = maxBatch;
            this.maxWait = maxWait;
            this.batch = batch;
        }

        /** The worker starts once the broker registered the consumer (again after a recovery: once). */
        @Override
        public void handleConsumeOk(String consumerTag) {
            super.handleConsumeOk(consumerTag);
            if (working.compareAndSet(false, true)) {
                Thread.ofVirtual().name("batches-" + queue).start(this::work);
            }
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            arrived.add(new Pending(envelope, properties, body));
        }

        private void work() {
            List<Taken> taken = new ArrayList<>();
            // Runs for the life of the service: the client recovers the channel after an outage.
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Pending first = arrived.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    int events = take(first, taken);
                    long until = System.nanoTime() + maxWait.toNanos();
                    while (events < maxBatch) {
                        Pending next = arrived.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        events += take(next, taken);
                    }
                    handle(taken);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException | AssertionError e) {
                    // Unacknowledged deliveries return to the queue when the channel recovers.
                    LOG.warnf("%s: a batch of %d could not be settled: %s", queue, taken.size(), e.getMessage());
                } finally {
                    taken.clear();
                }
            }
        }

        /** Adds the delivery with its events; returns how many events it carries (1 if unreadable). */
        private static int take(Pending pending, List<Taken> taken) {
            List<CloudEvent> events;
            try {
                events = DepotopsEvents.deserializeAll(pending.body());
            } catch (RuntimeException e) {
                // Its batch goes one by one, where this delivery is parked with the reason.
                events = null;
            }
            taken.add(new Taken(pending, events));
            return events == null ? 1 : events.size();
        }

        private void handle(List<Taken> taken) throws IOException {
            Span span = tracer.spanBuilder(queue + " process batch")
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "rabbitmq")
                    .setAttribute("messaging.destination.name", queue)
                    .setAttribute("messaging.batch.message_count", taken.size())
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                List<CloudEvent> events = new ArrayList<>();
                for (Taken one : taken) {
                    if (one.events() == null) {
                        throw new IllegalArgumentException("a message of the batch is no CloudEvent");
                    }
                    events.addAll(one.events());
                }
                batch.handle(events);
                getChannel().basicAck(taken.getLast().pending().envelope().getDeliveryTag(), true);
                return;
            } catch (Exception | AssertionError e) {
                // AssertionError: the PostgreSQL driver throws one when the server goes away.
                LOG.debugf("%s: a batch of %d failed, handling its events one by one: %s", queue, taken.size(), e);
            } finally {
                span.end();
            }
            for (Taken each : taken) {
                Pending pending = each.pending();
                one.handleDelivery(null, pending.envelope(), pending.properties(), pending.body());
            }
        }
    }

    private final class Delivery extends DefaultConsumer {

        private final String queue;
        private final EventHandler handler;

        Delivery(Channel channel, String queue, EventHandler handler) {
            super(channel);
            this.queue = queue;
            this.handler = handler;
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
            Span span = tracer.spanBuilder(queue + " process")
                    .setSpanKind(SpanKind.CONSUMER)
                    .setParent(MessageTracing.extract(openTelemetry, headers))
                    .setAttribute("messaging.system", "rabbitmq")
                    .setAttribute("messaging.destination.name", queue)
                    .setAttribute("messaging.message.id", String.valueOf(properties.getMessageId()))
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                MDC.put("traceId", span.getSpanContext().getTraceId());
                MDC.put("spanId", span.getSpanContext().getSpanId());
                List<CloudEvent> events;
                try {
                    events = DepotopsEvents.deserializeAll(body);
                } catch (RuntimeException e) {
                    events = null;
                    String failure = "malformed CloudEvent: " + e.getMessage();
                    span.setStatus(StatusCode.ERROR, failure);
                    park(envelope, properties, body, failure);
                }
                if (events != null) {
                    for (CloudEvent event : events) {
                        String failure = process(event, span);
                        if (failure == null) {
                            continue;
                        }
                        span.setStatus(StatusCode.ERROR, failure);
                        if (events.size() == 1) {
                            park(envelope, properties, body, failure);
                        } else {
                            // Only this event of the batch, as a message of its own.
                            park(envelope, alone(properties, event), DepotopsEvents.serialize(event), failure);
                        }
                    }
                }
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            } finally {
                MDC.remove("traceId");
                MDC.remove("spanId");
                span.end();
            }
        }

        private static AMQP.BasicProperties alone(AMQP.BasicProperties properties, CloudEvent event) {
            return properties
                    .builder()
                    .messageId(event.getId())
                    .contentType(DepotopsEvents.CONTENT_TYPE)
                    .build();
        }

        /** Null when processed, else why not. */
        private String process(CloudEvent event, Span span) {
            span.setAttribute(TelemetryAttributes.EVENT_TYPE, event.getType());
            span.setAttribute(TelemetryAttributes.EVENT_ID, event.getId());
            try {
                handlerRetries.call(
                        () -> {
                            handler.handle(event);
                            return null;
                        },
                        Void.class);
                return null;
            } catch (UnprocessableEventException e) {
                LOG.warnf("%s: event %s (%s) parked: %s", queue, event.getId(), event.getType(), e.getMessage());
                return "unprocessable: " + e.getMessage();
            } catch (Exception | AssertionError e) {
                LOG.errorf(
                        e,
                        "%s: event %s (%s) parked after %d attempts",
                        queue,
                        event.getId(),
                        event.getType(),
                        HANDLER_RETRIES + 1);
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        private void park(Envelope envelope, AMQP.BasicProperties properties, byte[] body, String reason)
                throws IOException {
            Map<String, Object> headers =
                    new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
            headers.put(MessageHeaders.DEAD_LETTER_REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            headers.put(MessageHeaders.DEAD_LETTER_QUEUE, queue);
            try {
                publisher.publish(new OutgoingMessage(
                        Exchanges.DEAD_LETTERS,
                        envelope.getRoutingKey(),
                        properties.getMessageId() == null ? "unknown" : properties.getMessageId(),
                        properties.getContentType() == null ? "application/octet-stream" : properties.getContentType(),
                        body,
                        headers));
            } catch (BrokerUnavailableException e) {
                // Not parked: leave it on the queue (unacknowledged messages return on reconnect).
                throw new IOException("could not park a message of " + queue + ": " + e.getMessage(), e);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
