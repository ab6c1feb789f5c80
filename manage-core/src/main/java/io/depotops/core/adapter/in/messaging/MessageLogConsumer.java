package io.depotops.core.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.OcppFrameV1;
import io.depotops.contracts.messaging.Queues;
import io.depotops.core.application.MessageLogService;
import io.depotops.core.application.port.MessageLogUnavailableException;
import io.depotops.core.domain.OcppMessage;
import io.depotops.platform.messaging.EventSubscriptions;
import io.depotops.platform.messaging.UnprocessableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every raw frame connect publishes, into the message log, losing none: a batch is acknowledged
 * only once the log's store took all of it. While the store is unreachable or throttling, the
 * same batch is written again after a growing pause (a SmallRye Fault Tolerance retry without end) (never parked: the frames are fine, the store
 * is not), and the broker holds the rest (the prefetch bounds what this service holds). Only a
 * frame that cannot be read, or that the store refuses for itself, is parked on the dead-letter
 * queue. Reports the log's lag: the age of the oldest frame being written, by its own timestamp.
 */
@ApplicationScoped
class MessageLogConsumer {

    private static final Logger LOG = Logger.getLogger(MessageLogConsumer.class);
    /** Frames per write: connect sends them up to 100 to a message (a CloudEvents batch). */
    private static final int BATCH = 500;
    /** Messages the broker hands over ahead: with batches of 100 frames, at most ~20,000 frames held. */
    private static final int PREFETCH = 200;

    private static final Duration BATCH_WAIT = Duration.ofMillis(20);
    private static final long RETRY_LOG_INTERVAL = Duration.ofSeconds(10).toNanos();

    private final EventSubscriptions subscriptions;
    private final MessageLogService log;
    private final ObjectMapper json;
    private final Clock clock;
    /** Writes a batch again until the store takes it: the frames are fine, the store is not. */
    private final Guard untilStored;

    private final Counter written;
    private final Counter retries;
    /** When the oldest frame being written was sent; null while nothing waits to be written. */
    private final AtomicReference<Instant> oldestUnwritten = new AtomicReference<>();

    private volatile long lastRetryLog = System.nanoTime() - RETRY_LOG_INTERVAL;

    MessageLogConsumer(
            EventSubscriptions subscriptions,
            MessageLogService log,
            ObjectMapper json,
            Clock clock,
            MeterRegistry meters,
            @ConfigProperty(name = "depotops.message-log.retry.initial-backoff", defaultValue = "200ms")
                    Duration initialBackoff,
            @ConfigProperty(name = "depotops.message-log.retry.max-backoff", defaultValue = "5s") Duration maxBackoff) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.untilStored = Guard.create()
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(initialBackoff.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .retryOn(MessageLogUnavailableException.class)
                .beforeRetry(this::beforeRetry)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(maxBackoff.toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
        this.written = meters.counter("depotops.message-log.written");
        this.retries = meters.counter("depotops.message-log.write.retries");
        Gauge.builder("depotops.message-log.lag", this, MessageLogConsumer::lagSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest frame taken from the queue and not yet in the message log")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        // Two frames per OCPP message of every charger: written 25 to a request, in batches.
        subscriptions.subscribeBatches(
                Queues.CORE_MESSAGE_LOG,
                List.of(EventTypes.CONNECT_OCPP_FRAME_V1),
                BATCH,
                PREFETCH,
                BATCH_WAIT,
                this::recordAll,
                this::record);
    }

    /** Returns once every frame is in the log; throws only for a frame that cannot be read. */
    void recordAll(List<CloudEvent> events) throws InterruptedException {
        List<OcppMessage> messages = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            messages.add(message(event));
        }
        untilStored(messages, () -> log.recordAll(messages));
    }

    void record(CloudEvent event) throws InterruptedException {
        OcppMessage message = message(event);
        untilStored(List.of(message), () -> log.record(message));
    }

    /** Seconds since the oldest frame not yet written was sent; 0 when none waits. */
    double lagSeconds() {
        Instant oldest = oldestUnwritten.get();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Frames written since the start. */
    double written() {
        return written.count();
    }

    private void untilStored(List<OcppMessage> messages, Runnable write) throws InterruptedException {
        oldestUnwritten.set(messages.stream()
                .map(OcppMessage::at)
                .filter(at -> at != null)
                .min(Comparator.naturalOrder())
                .orElse(clock.instant()));
        try {
            untilStored.call(
                    () -> {
                        write.run();
                        return null;
                    },
                    Void.class);
            written.increment(messages.size());
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("writing the message log failed", e);
        } finally {
            oldestUnwritten.set(null);
        }
    }

    private void beforeRetry(Throwable failure) {
        retries.increment();
        long now = System.nanoTime();
        if (now - lastRetryLog >= RETRY_LOG_INTERVAL) {
            lastRetryLog = now;
            LOG.warnf(
                    "message log: frames not written, holding them (not acknowledged) and trying again: %s",
                    failure.getMessage());
        }
    }

    private OcppMessage message(CloudEvent event) {
        OcppFrameV1 frame;
        try {
            frame = json.readValue(event.getData().toBytes(), OcppFrameV1.class);
        } catch (IOException | RuntimeException e) {
            // Reading it again will not help: parked at once with its reason.
            throw new UnprocessableEventException("not an OCPP frame: " + e.getMessage());
        }
        return new OcppMessage(
                frame.chargePointId(),
                frame.at(),
                frame.direction(),
                frame.ocppVersion(),
                frame.sessionId(),
                frame.frame(),
                event.getId());
    }
}
