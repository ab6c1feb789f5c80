package io.depotops.core.adapter.in.messaging;

import com.rabbitmq.client.Channel;
import io.depotops.contracts.messaging.Queues;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How far the message log is behind: frames waiting in its queue (read from the broker at most
 * every few seconds), the age of the oldest frame being written, the write rate and, from both,
 * how long the backlog would take to drain at that rate. In the readiness output it stays UP: a
 * lagging log is a reason to look (its frames wait safely in the broker), not to take core out.
 */
@Readiness
@ApplicationScoped
class MessageLogBacklog implements HealthCheck {

    private static final long SAMPLE_INTERVAL = Duration.ofSeconds(5).toNanos();

    private final RabbitMqConnection broker;
    private final MessageLogConsumer consumer;

    private long sampledAt = System.nanoTime() - SAMPLE_INTERVAL;
    private long queued = -1;
    private double writtenThen;
    private double writtenPerSecond;

    MessageLogBacklog(RabbitMqConnection broker, MessageLogConsumer consumer, MeterRegistry meters) {
        this.broker = broker;
        this.consumer = consumer;
        this.writtenThen = consumer.written();
        Gauge.builder(
                        "depotops.message-log.queued",
                        this,
                        backlog -> backlog.sample().queued())
                .description("Frames waiting in the message log's queue (-1: the broker cannot be asked)")
                .register(meters);
    }

    /** Registers the gauge with the service, not at the first readiness probe. */
    void start(@Observes StartupEvent event) {
        // nothing else to do: observing makes the bean, and with it the gauge, exist from the start
    }

    /** Frames waiting in the queue, the write rate, and the drain time they make (null: not draining). */
    record Sample(long queued, double writtenPerSecond, Double drainSeconds) {}

    /** The last sample, taken again when older than the interval. */
    synchronized Sample sample() {
        long now = System.nanoTime();
        if (now - sampledAt >= SAMPLE_INTERVAL) {
            double written = consumer.written();
            writtenPerSecond = (written - writtenThen) / ((now - sampledAt) / 1e9);
            writtenThen = written;
            sampledAt = now;
            queued = queueDepth();
        }
        Double drain = queued == 0
                ? Double.valueOf(0)
                : writtenPerSecond > 0 && queued > 0 ? Double.valueOf(queued / writtenPerSecond) : null;
        return new Sample(queued, writtenPerSecond, drain);
    }

    @Override
    public HealthCheckResponse call() {
        Sample sample = sample();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Message log")
                .up()
                .withData("queued", sample.queued())
                .withData("lagSeconds", decimal(consumer.lagSeconds()))
                .withData("writtenPerSecond", decimal(sample.writtenPerSecond()));
        response.withData(
                "drainSeconds", sample.drainSeconds() == null ? "not draining" : decimal(sample.drainSeconds()));
        return response.build();
    }

    private long queueDepth() {
        if (!broker.isOpen()) {
            return -1;
        }
        try {
            Channel channel = broker.openChannel();
            try {
                return channel.queueDeclarePassive(Queues.CORE_MESSAGE_LOG).getMessageCount();
            } finally {
                closeQuietly(channel);
            }
        } catch (BrokerUnavailableException | IOException | RuntimeException e) {
            // Not declared yet, or no broker: unknown.
            return -1;
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // a passive declare of a missing queue closes the channel itself
        }
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
