package io.depotops.core.application.chart;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where transactions' meter values are kept for their charts: the raw samples and their per-minute
 * rollups, which every write keeps up to date.
 */
public interface MeterSamples {

    /** One reading of a transaction: its energy register, its power, or both. */
    record Reading(long transactionId, Instant sampledAt, Long energyWh, Double powerW) {}

    /** Records one reading; the same reading again changes nothing. */
    default void record(long transactionId, Instant sampledAt, Long energyWh, Double powerW) {
        recordAll(List.of(new Reading(transactionId, sampledAt, energyWh, powerW)));
    }

    /**
     * Records a batch of readings with one statement and updates the rollups of the minutes they
     * change (their own and, for a register reading that arrives late, the next reading's); readings
     * already recorded change nothing.
     */
    void recordAll(List<Reading> readings);

    /**
     * Recomputes every rollup of these transactions from their raw samples (for samples written
     * around this port, such as bulk imports and the benchmark's seed).
     */
    void rebuildRollups(Collection<Long> transactionIds);

    /** Deletes at most {@code limit} raw samples taken before {@code cutoff}; returns how many. */
    int deleteRawBefore(Instant cutoff, int limit);
}
