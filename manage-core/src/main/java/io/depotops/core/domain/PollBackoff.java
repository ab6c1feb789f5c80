package io.depotops.core.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a provider account that failed may be polled again: exponential in the consecutive failures
 * (from {@link #BASE} up to {@link #CAP}), and never before the provider's own Retry-After.
 */
public final class PollBackoff {

    public static final Duration BASE = Duration.ofSeconds(30);
    public static final Duration CAP = Duration.ofMinutes(30);

    private PollBackoff() {}

    public static Instant nextAttempt(Instant now, int consecutiveFailures, Duration retryAfter) {
        int exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 16);
        Duration backoff = BASE.multipliedBy(1L << exponent);
        if (backoff.compareTo(CAP) > 0) {
            backoff = CAP;
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        return now.plus(backoff);
    }
}
