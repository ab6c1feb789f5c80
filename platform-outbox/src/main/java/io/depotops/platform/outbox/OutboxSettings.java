package io.depotops.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code depotops.outbox.*}: how the relay polls, batches, backs off and keeps its table small. */
@ConfigMapping(prefix = "depotops.outbox")
public interface OutboxSettings {

    /** Off in services that only write to the outbox in tests of their own. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Longest wait between two drains; a commit that appended messages wakes the relay at once. */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * Messages the relay takes in one pass when it is not behind; each full pass doubles it up to
     * {@link #maxBatchSize()}, and it falls back once a pass finds fewer.
     */
    @WithDefault("200")
    int batchSize();

    /** Most messages in one pass (one publish with one wait for confirms, one delete). */
    @WithDefault("2000")
    int maxBatchSize();

    /**
     * Most messages {@link BatchingOutbox} holds before they are committed; beyond it appends fail
     * at once (backpressure on the callers, not memory growth while the database is slow or down).
     */
    @WithDefault("50000")
    int batchingQueueCapacity();

    /** Delay before the first retry of a message the broker did not take; doubled per attempt. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How often, at most, the relay vacuums the outbox table after it deleted published rows, so
     * that the table and its indexes stay the size of what is pending. 0 leaves it to autovacuum.
     */
    @WithDefault("10s")
    Duration vacuumInterval();

    /**
     * How often the relay scans the whole table rather than from its floor (the position below
     * which nothing can be pending): a safety net for rows written outside {@link Outbox} and
     * {@link BatchingOutbox}. Scans from the floor skip the dead entries of published rows.
     */
    @WithDefault("60s")
    Duration fullScanInterval();

    /**
     * How often, at most, the relay counts the pending rows while it is behind (a pass that finds
     * fewer than it asked for knows the count without counting), for {@code depotops.outbox.pending}.
     */
    @WithDefault("5s")
    Duration countInterval();
}
