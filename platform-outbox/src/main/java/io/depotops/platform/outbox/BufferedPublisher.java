package io.depotops.platform.outbox;

import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Publishes messages that are no fact of a database transaction (connect's raw OCPP frames for the
 * message log) with publisher confirms, from a bounded buffer in memory, and never makes the
 * caller wait (ADR 0011).
 *
 * <p>{@link #offer} returns at once: true when the message is held, false when the buffer is full
 * (by count or by bytes), in which case the message is dropped and counted ({@code
 * depotops.buffered.dropped}, a warning at most every 10 s). Each of {@code publishers} threads, on a
 * channel of its own, takes up to {@code batch-size} messages at a time in offer order, publishes
 * them and waits once for the broker's confirms; a batch the broker did not confirm is published
 * again, whole and in order, after a backoff, while new offers fill the buffer. With one publisher
 * the messages reach the broker in offer order; with more, batches overlap (more throughput, since
 * a confirm round trip no longer idles the buffer) and only each batch keeps its order. Delivery is at least once; what the buffer holds is
 * lost if the process dies, and dropped after {@code shutdown-grace} at a shutdown.
 */
@ApplicationScoped
public class BufferedPublisher {

    private static final Logger LOG = Logger.getLogger(BufferedPublisher.class);
    private static final long DROP_LOG_INTERVAL = Duration.ofSeconds(10).toNanos();

    private final List<ConfirmingPublisher> channels;
    private final OpenTelemetry openTelemetry;
    private final BufferedPublisherSettings settings;
    private final BlockingQueue<OutgoingMessage> queue;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final Counter published;
    private final Counter dropped;
    private final Counter failures;
    private volatile long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL;
    private volatile boolean running;
    private volatile long stopBy;
    private final List<Thread> workers = new ArrayList<>();

    BufferedPublisher(
            ConfirmingPublisher publisher,
            OpenTelemetry openTelemetry,
            BufferedPublisherSettings settings,
            MeterRegistry meters) {
        // A channel of its own: its batches neither wait for nor delay the outbox relay's confirms.
        this.channels = IntStream.range(0, Math.max(1, settings.publishers()))
                .mapToObj(i -> publisher.withOwnChannel())
                .toList();
        this.openTelemetry = openTelemetry;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.published = meters.counter("depotops.buffered.published");
        this.dropped = meters.counter("depotops.buffered.dropped");
        this.failures = meters.counter("depotops.buffered.publish.failures");
        Gauge.builder("depotops.buffered.queued", queue, BlockingQueue::size)
                .description("Messages held by the buffered publisher")
                .register(meters);
        Gauge.builder("depotops.buffered.queued.bytes", bytes, AtomicLong::get)
                .baseUnit("bytes")
                .description("Bytes of message bodies held by the buffered publisher")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < channels.size(); i++) {
            ConfirmingPublisher channel = channels.get(i);
            workers.add(Thread.ofVirtual().name("buffered-publisher-" + i).start(() -> run(channel)));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopBy = System.nanoTime() + settings.shutdownGrace().toNanos();
        running = false;
        for (Thread worker : workers) {
            worker.join(settings.shutdownGrace().plusSeconds(1));
        }
        int lost = queue.size();
        if (lost > 0) {
            queue.clear();
            drop(lost);
            LOG.warnf("buffered publisher stopped with %d messages unpublished", lost);
        }
    }

    /** Offers a CloudEvent for {@code depotops.events}, routed by its type; see {@link #offer(OutgoingMessage)}. */
    public boolean offer(CloudEvent event) {
        return offer(new OutgoingMessage(
                Exchanges.EVENTS,
                event.getType(),
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                traceHeaders()));
    }

    /**
     * Takes the message to be published after those offered before it, or refuses it at once when
     * the buffer is full (it is then dropped and counted). Never blocks.
     */
    public boolean offer(OutgoingMessage message) {
        long size = message.body().length;
        if (bytes.addAndGet(size) > settings.maxBytes() || !queue.offer(message)) {
            bytes.addAndGet(-size);
            drop(1);
            return false;
        }
        return true;
    }

    /** Messages held now. */
    public int queued() {
        return queue.size();
    }

    private void run(ConfirmingPublisher publisher) {
        List<OutgoingMessage> batch = new ArrayList<>(settings.batchSize());
        Duration backoff = settings.initialBackoff();
        boolean failing = false;
        while (running || (System.nanoTime() - stopBy < 0 && !(batch.isEmpty() && queue.isEmpty()))) {
            try {
                if (batch.isEmpty()) {
                    OutgoingMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, settings.batchSize() - 1);
                }
                publisher.publishAll(batch);
                published.increment(batch.size());
                bytes.addAndGet(-batch.stream().mapToLong(m -> m.body().length).sum());
                batch.clear();
                backoff = settings.initialBackoff();
                if (failing) {
                    failing = false;
                    LOG.info("buffered publisher publishing again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (BrokerUnavailableException | RuntimeException e) {
                // RuntimeException: nothing may end the publishing thread; the batch is tried again.
                failures.increment();
                if (!failing) {
                    failing = true;
                    LOG.warnf(
                            "buffered publisher cannot publish, holding up to %d messages: %s",
                            settings.capacity(), e.getMessage());
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
            }
        }
        if (!batch.isEmpty()) {
            drop(batch.size());
            LOG.warnf("buffered publisher stopped with a batch of %d messages unpublished", batch.size());
        }
    }

    private void drop(int messages) {
        dropped.increment(messages);
        long since = droppedSinceLog.addAndGet(messages);
        long now = System.nanoTime();
        if (now - lastDropLog >= DROP_LOG_INTERVAL) {
            lastDropLog = now;
            droppedSinceLog.addAndGet(-since);
            LOG.warnf(
                    "buffered publisher dropped %d messages: its buffer is full (%d messages, %d bytes at most);"
                            + " the broker is not taking them fast enough",
                    since, settings.capacity(), settings.maxBytes());
        }
    }

    private Map<String, Object> traceHeaders() {
        Map<String, Object> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.isEmpty() ? Map.of() : carrier;
    }
}
