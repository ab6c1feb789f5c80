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
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Publishes messages that are no fact of a database transaction (connect's raw OCPP frames for the
 * message log) with publisher confirms, from a bounded buffer in memory, and loses none of them
 * while the service runs (ADR 0011, amended).
 *
 * <p>{@link #put} returns at once while the buffer has room (by count and by bytes) and otherwise
 * waits for it: the producer is held back (backpressure), the message is never dropped. Each of
 * {@code publishers} threads, on a channel of its own, takes up to {@code batch-size} messages at a
 * time in put order, publishes them and waits once for the broker's confirms; a batch the broker
 * did not confirm (nack, lost connection, confirm timeout) is published again, whole and in order,
 * after a backoff, and counted as redelivered. A message's room in the buffer is given back only
 * once the broker confirmed it. With one publisher the messages reach the broker in put order; with
 * more, batches overlap (more throughput, since a confirm round trip no longer idles the buffer) and
 * only each batch keeps its order. With {@code pack-size} above 1, consecutive CloudEvents of one
 * routing key travel up to that many to a broker message, as a CloudEvents JSON batch (readers:
 * {@code DepotopsEvents.deserializeAll}). Delivery is at least once. What is lost, and counted as dropped:
 * what the buffer holds when the process dies, and what is left after {@code shutdown-grace} at a
 * shutdown.
 */
@ApplicationScoped
public class BufferedPublisher {

    private static final Logger LOG = Logger.getLogger(BufferedPublisher.class);
    private static final long WAIT_LOG_INTERVAL = Duration.ofSeconds(10).toNanos();

    /** A message and when it was put, for the buffer's lag. */
    private record Held(OutgoingMessage message, long putAt) {}

    private final List<ConfirmingPublisher> channels;
    private final OpenTelemetry openTelemetry;
    private final BufferedPublisherSettings settings;
    private final BlockingQueue<Held> queue;
    private final AtomicLong bytes = new AtomicLong();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Per publishing thread, when the oldest message of its batch in flight was put; 0 when none. */
    private final AtomicLongArray inFlightSince;

    private final Counter buffered;
    private final Counter published;
    private final Counter confirmed;
    private final Counter redelivered;
    private final Counter dropped;
    private final Counter brokerMessages;
    private final Counter failures;
    private final Timer backpressure;
    private volatile long lastWaitLog = System.nanoTime() - WAIT_LOG_INTERVAL;
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
        this.inFlightSince = new AtomicLongArray(channels.size());
        this.buffered = meters.counter("depotops.buffered.buffered");
        this.published = meters.counter("depotops.buffered.published");
        this.confirmed = meters.counter("depotops.buffered.confirmed");
        this.redelivered = meters.counter("depotops.buffered.redelivered");
        this.dropped = meters.counter("depotops.buffered.dropped");
        this.brokerMessages = meters.counter("depotops.buffered.broker-messages");
        this.failures = meters.counter("depotops.buffered.publish.failures");
        this.backpressure = Timer.builder("depotops.buffered.backpressure")
                .description("Puts that waited for room in the buffer, and how long")
                .register(meters);
        Gauge.builder("depotops.buffered.queued", this, BufferedPublisher::queued)
                .description("Messages held by the buffered publisher, not yet taken for publishing")
                .register(meters);
        Gauge.builder("depotops.buffered.queued.bytes", bytes, AtomicLong::get)
                .baseUnit("bytes")
                .description("Bytes of message bodies held until confirmed")
                .register(meters);
        Gauge.builder("depotops.buffered.waiting", waiting, AtomicInteger::get)
                .description("Producers waiting for room in the buffer now")
                .register(meters);
        Gauge.builder("depotops.buffered.lag", this, BufferedPublisher::lagSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest message not yet confirmed by the broker")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < channels.size(); i++) {
            ConfirmingPublisher channel = channels.get(i);
            int slot = i;
            workers.add(Thread.ofVirtual().name("buffered-publisher-" + i).start(() -> run(channel, slot)));
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
            drop(lost, "at shutdown, after the grace period");
        }
        signalRoom();
    }

    /** Puts a CloudEvent for {@code depotops.events}, routed by its type; see {@link #put(OutgoingMessage)}. */
    public void put(CloudEvent event) {
        put(new OutgoingMessage(
                Exchanges.EVENTS,
                event.getType(),
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                traceHeaders()));
    }

    /**
     * Takes the message to be published after those put before it. Returns at once while the buffer
     * has room, else waits until the broker has confirmed enough to make room (backpressure: the
     * caller is slowed down to what the broker takes). A message larger than the byte bound is taken
     * when the buffer is empty. Interrupted while waiting, the message is dropped and counted.
     */
    public void put(OutgoingMessage message) {
        Held held = new Held(message, System.nanoTime());
        if (admit(held)) {
            return;
        }
        long started = System.nanoTime();
        waiting.incrementAndGet();
        roomLock.lock();
        try {
            while (!admit(held)) {
                logWaiting();
                // Bounded wait: a signal lost to a race costs at most this, never a hang.
                room.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(1, "its producer was interrupted while waiting for room");
        } finally {
            roomLock.unlock();
            waiting.decrementAndGet();
            backpressure.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private boolean admit(Held held) {
        long size = held.message().body().length;
        long before = bytes.getAndAdd(size);
        if ((before > 0 && before + size > settings.maxBytes()) || !queue.offer(held)) {
            bytes.addAndGet(-size);
            return false;
        }
        buffered.increment();
        return true;
    }

    /** Messages held now and not yet taken for publishing. */
    public int queued() {
        return queue.size();
    }

    /** Producers waiting for room now. */
    public int waiting() {
        return waiting.get();
    }

    /** Bytes of message bodies held until the broker confirms them. */
    public long heldBytes() {
        return bytes.get();
    }

    /** Age of the oldest message held (queued or in a batch awaiting its confirm); 0 when none. */
    public double lagSeconds() {
        long now = System.nanoTime();
        long oldest = now;
        for (int i = 0; i < inFlightSince.length(); i++) {
            long since = inFlightSince.get(i);
            if (since != 0 && since - oldest < 0) {
                oldest = since;
            }
        }
        Held head = queue.peek();
        if (head != null && head.putAt() - oldest < 0) {
            oldest = head.putAt();
        }
        return (now - oldest) / 1e9;
    }

    private void run(ConfirmingPublisher publisher, int slot) {
        List<Held> batch = new ArrayList<>(settings.batchSize());
        List<OutgoingMessage> messages = new ArrayList<>(settings.batchSize());
        Duration backoff = settings.initialBackoff();
        boolean failing = false;
        boolean again = false;
        while (running || (System.nanoTime() - stopBy < 0 && !(batch.isEmpty() && queue.isEmpty()))) {
            try {
                if (batch.isEmpty()) {
                    Held first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, settings.batchSize() - 1);
                    inFlightSince.set(slot, oldest(batch));
                    signalRoom();
                    messages.clear();
                    pack(batch, messages);
                    again = false;
                }
                published.increment(batch.size());
                brokerMessages.increment(messages.size());
                if (again) {
                    redelivered.increment(batch.size());
                }
                publisher.publishAll(messages);
                confirmed.increment(batch.size());
                inFlightSince.set(slot, 0);
                bytes.addAndGet(-batch.stream()
                        .mapToLong(held -> held.message().body().length)
                        .sum());
                batch.clear();
                signalRoom();
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
                again = true;
                if (!failing) {
                    failing = true;
                    LOG.warnf(
                            "buffered publisher cannot publish, holding up to %d messages (then holding back"
                                    + " their producers): %s",
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
        inFlightSince.set(slot, 0);
        if (!batch.isEmpty()) {
            drop(batch.size(), "at shutdown, in a batch the broker had not confirmed");
        }
    }

    /**
     * The broker messages for a batch, in its order: runs of CloudEvents with one exchange and
     * routing key packed up to {@code pack-size} to a CloudEvents JSON batch (the first event's id
     * and trace headers name it), anything else as it is.
     */
    private void pack(List<Held> batch, List<OutgoingMessage> messages) {
        int packSize = settings.packSize();
        List<byte[]> run = new ArrayList<>(Math.min(packSize, batch.size()));
        OutgoingMessage first = null;
        for (Held held : batch) {
            OutgoingMessage message = held.message();
            boolean packable = packSize > 1 && DepotopsEvents.CONTENT_TYPE.equals(message.contentType());
            if (first != null && (!packable || !sameRoute(first, message) || run.size() == packSize)) {
                messages.add(packed(first, run));
                run.clear();
                first = null;
            }
            if (!packable) {
                messages.add(message);
                continue;
            }
            if (first == null) {
                first = message;
            }
            run.add(message.body());
        }
        if (first != null) {
            messages.add(packed(first, run));
        }
    }

    private static boolean sameRoute(OutgoingMessage a, OutgoingMessage b) {
        return a.exchange().equals(b.exchange()) && a.routingKey().equals(b.routingKey());
    }

    private static OutgoingMessage packed(OutgoingMessage first, List<byte[]> run) {
        if (run.size() == 1) {
            return first;
        }
        return new OutgoingMessage(
                first.exchange(),
                first.routingKey(),
                first.messageId(),
                DepotopsEvents.BATCH_CONTENT_TYPE,
                DepotopsEvents.serializeBatch(run),
                first.headers());
    }

    private static long oldest(List<Held> batch) {
        long oldest = batch.getFirst().putAt();
        for (Held held : batch) {
            if (held.putAt() - oldest < 0) {
                oldest = held.putAt();
            }
        }
        // 0 means "nothing in flight".
        return oldest == 0 ? 1 : oldest;
    }

    private void signalRoom() {
        if (waiting.get() == 0) {
            return;
        }
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    private void logWaiting() {
        long now = System.nanoTime();
        if (now - lastWaitLog >= WAIT_LOG_INTERVAL) {
            lastWaitLog = now;
            LOG.warnf(
                    "buffered publisher full (%d messages, %d bytes at most): %d producers wait for the broker",
                    settings.capacity(), settings.maxBytes(), waiting.get());
        }
    }

    private void drop(int messages, String why) {
        dropped.increment(messages);
        LOG.warnf("buffered publisher dropped %d messages %s", messages, why);
    }

    private Map<String, Object> traceHeaders() {
        Map<String, Object> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.isEmpty() ? Map.of() : carrier;
    }
}
