package io.depotops.core.adapter.out.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Invalidations of depots' live state, sent to Redis in the background (ADR 0006, amendment): a
 * committed change marks its depot; a depot marked again before it is sent is not marked twice, so
 * many facts for one depot within the window cost one Redis operation. Nothing here blocks the
 * thread that marks (a request, a consumer's commit): the operations are Redis' asynchronous
 * client's, and their outcome comes back on its event loop.
 *
 * <p>Bounded: the pending set holds at most one entry per depot, never one per fact; at most one
 * round of operations is outstanding, each with a timeout. A failed operation marks its depot
 * again with a growing pause (up to {@link #MAX_RETRY_PAUSE}), so the stale copy is dropped once
 * Redis answers again; until then its TTL bounds it. While a depot is pending or in flight, this
 * instance's reads bypass the cache (its own writers read their writes at once).
 */
@ApplicationScoped
class LiveStateInvalidations {

    private static final Logger LOG = Logger.getLogger(LiveStateInvalidations.class);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(5);

    /**
     * One operation per depot: count the invalidation in the depot's generation (a rebuild that
     * loaded before it is then not stored, see {@link RedisLiveStateCache#store}) and drop both keys.
     */
    static final String INVALIDATE = "redis.call('INCR', KEYS[3]) redis.call('EXPIRE', KEYS[3], ARGV[1])"
            + " return redis.call('DEL', KEYS[1], KEYS[2])";

    private final ReactiveRedisDataSource redis;
    private final Duration window;
    private final Duration timeout;
    private final long generationTtlSeconds;
    private final Counter sent;
    private final Counter failed;
    /** Depot -> when it is due (nanoTime): the first mark plus the window, or a retry's time. */
    private final Map<UUID, Long> pending = new ConcurrentHashMap<>();
    /** Depots whose operation is on its way: reads bypass the cache until it is done. */
    private final Map<UUID, Boolean> inFlight = new ConcurrentHashMap<>();

    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private ScheduledExecutorService ticker;

    LiveStateInvalidations(
            ReactiveRedisDataSource redis,
            MeterRegistry meters,
            @ConfigProperty(name = "depotops.live-state.invalidation-window", defaultValue = "100ms") Duration window,
            @ConfigProperty(name = "depotops.live-state.invalidation-timeout", defaultValue = "2s") Duration timeout) {
        this.redis = redis;
        this.window = window;
        this.timeout = timeout;
        this.generationTtlSeconds = RedisLiveStateCache.TTL.multipliedBy(2).toSeconds();
        this.sent = meters.counter("depotops.live_state.invalidations", "outcome", "sent");
        this.failed = meters.counter("depotops.live_state.invalidations", "outcome", "failed");
    }

    void start(@Observes StartupEvent event) {
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-state-invalidations").daemon().factory());
        long tick = Math.max(5, window.toMillis() / 4);
        ticker.scheduleWithFixedDelay(this::flushDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** Marks the depot for invalidation within the window; returns at once. */
    void mark(UUID depotId) {
        pending.putIfAbsent(depotId, System.nanoTime() + window.toNanos());
    }

    /** True while an invalidation of the depot is pending or on its way. */
    boolean unsettled(UUID depotId) {
        return pending.containsKey(depotId) || inFlight.containsKey(depotId);
    }

    /** Sends the due invalidations, one asynchronous operation per depot. */
    void flushDue() {
        try {
            if (outstanding.get() > 0) {
                return; // the previous round is still on its way (bounded by its timeout)
            }
            long now = System.nanoTime();
            List<UUID> due = new ArrayList<>();
            for (Map.Entry<UUID, Long> entry : pending.entrySet()) {
                // Marked in flight before leaving pending: a read never sees the depot as settled.
                if (entry.getValue() - now <= 0 && inFlight.putIfAbsent(entry.getKey(), Boolean.TRUE) == null) {
                    pending.remove(entry.getKey(), entry.getValue());
                    due.add(entry.getKey());
                }
            }
            outstanding.addAndGet(due.size());
            for (UUID depotId : due) {
                send(depotId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("live state invalidations could not be sent: %s", e.getMessage());
        }
    }

    private void send(UUID depotId) {
        redis.execute(
                        "EVAL",
                        INVALIDATE,
                        "3",
                        RedisLiveStateCache.key(depotId),
                        RedisLiveStateCache.documentKey(depotId),
                        RedisLiveStateCache.generationKey(depotId),
                        Long.toString(generationTtlSeconds))
                .ifNoItem()
                .after(timeout)
                .fail()
                .subscribe()
                .with(done -> settled(depotId, null), error -> settled(depotId, error));
    }

    private void settled(UUID depotId, Throwable error) {
        if (error == null) {
            failures.remove(depotId);
            sent.increment();
        } else {
            int attempts = failures.merge(depotId, 1, Integer::sum);
            long pause = Math.min(MAX_RETRY_PAUSE.toMillis(), window.toMillis() << Math.min(attempts, 10));
            // Again later: a mark that came meanwhile is due sooner and keeps its time.
            pending.merge(depotId, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause), Math::min);
            failed.increment();
            if (attempts == 1) {
                LOG.warnf("live state of depot %s not invalidated yet, will retry: %s", depotId, error.getMessage());
            }
        }
        inFlight.remove(depotId);
        outstanding.decrementAndGet();
    }
}
