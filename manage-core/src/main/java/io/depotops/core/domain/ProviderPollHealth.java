package io.depotops.core.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How polling of one provider account goes. {@code errorRate} is decayed: each attempt weighs
 * {@link #ERROR_RATE_WEIGHT} and older attempts fade, so it tells the recent rate, not the lifetime one.
 */
public record ProviderPollHealth(
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        String lastError,
        int consecutiveFailures,
        Instant nextAttemptAt,
        long attempts,
        long failures,
        double errorRate,
        Instant newestObservationAt) {

    public static final double ERROR_RATE_WEIGHT = 0.2;

    public static final ProviderPollHealth NEVER_POLLED =
            new ProviderPollHealth(null, null, null, 0, null, 0, 0, 0.0, null);

    public static double nextErrorRate(double current, boolean failed) {
        return current * (1 - ERROR_RATE_WEIGHT) + (failed ? ERROR_RATE_WEIGHT : 0.0);
    }

    /** How far behind the newest observation seen is; null when none was seen. */
    public Duration lag(Instant now) {
        return newestObservationAt == null ? null : Duration.between(newestObservationAt, now);
    }

    public boolean waitingUntilAfter(Instant now) {
        return nextAttemptAt != null && nextAttemptAt.isAfter(now);
    }
}
