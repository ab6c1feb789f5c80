package io.depotops.core.application.chart;

import java.time.Instant;

/** Where a transaction's meter values are kept for its charts. */
public interface MeterSamples {

    /** Records one reading (energy register, power, or both); the same reading again changes nothing. */
    void record(long transactionId, Instant sampledAt, Long energyWh, Double powerW);
}
