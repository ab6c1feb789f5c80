package io.depotops.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code depotops.outbox.*}: how the relay polls, batches, backs off and prunes. */
@ConfigMapping(prefix = "depotops.outbox")
public interface OutboxSettings {

    /** Off in services that only write to the outbox in tests of their own. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Longest wait between two drains; a commit that appended messages wakes the relay at once. */
    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

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

    /** How long published messages are kept for inspection before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
