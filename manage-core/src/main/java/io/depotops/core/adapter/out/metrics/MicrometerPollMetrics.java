package io.depotops.core.adapter.out.metrics;

import io.depotops.core.application.port.PollMetrics;
import io.depotops.core.domain.ProviderKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus names: {@code depotops_telematics_poll_attempts_total{provider,outcome}},
 * {@code ..._updates_total{provider,outcome}}, {@code ..._duration_seconds{provider}}, and per
 * account {@code ..._lag_seconds} and {@code ..._consecutive_failures}.
 */
@ApplicationScoped
class MicrometerPollMetrics implements PollMetrics {

    private final MeterRegistry registry;
    private final Map<UUID, AtomicLong> lagSeconds = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> consecutiveFailures = new ConcurrentHashMap<>();

    MicrometerPollMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attempt(ProviderKind kind, boolean succeeded, Duration took) {
        registry.counter(
                        "depotops.telematics.poll.attempts",
                        "provider",
                        kind.providerName(),
                        "outcome",
                        succeeded ? "success" : "failure")
                .increment();
        Timer.builder("depotops.telematics.poll.duration")
                .tag("provider", kind.providerName())
                .register(registry)
                .record(took);
    }

    @Override
    public void updates(ProviderKind kind, String outcome, int count) {
        registry.counter("depotops.telematics.poll.updates", "provider", kind.providerName(), "outcome", outcome)
                .increment(count);
    }

    @Override
    public void accountState(ProviderKind kind, UUID accountId, Duration lag, int failures) {
        Tags tags = Tags.of("provider", kind.providerName(), "account", accountId.toString());
        gauge("depotops.telematics.poll.lag.seconds", lagSeconds, accountId, tags)
                .set(lag == null ? -1 : lag.toSeconds());
        gauge("depotops.telematics.poll.consecutive.failures", consecutiveFailures, accountId, tags)
                .set(failures);
    }

    private AtomicLong gauge(String name, Map<UUID, AtomicLong> values, UUID accountId, Tags tags) {
        return values.computeIfAbsent(accountId, id -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).register(registry);
            return value;
        });
    }
}
