package io.depotops.sitepwrmon.domain.reading;

import java.time.Duration;
import java.time.Instant;

/**
 * The times a reading may carry: not later than now plus the allowed clock skew, not older than
 * what the raw series still holds partitions for.
 */
public record ReadingWindow(Duration maxSkew, Duration maxAge) {

    /** Why {@code time} is refused, or {@code null} when it is accepted. */
    public String refusal(Instant time, Instant now) {
        if (time.isAfter(now.plus(maxSkew))) {
            return "in the future beyond the allowed clock skew of " + maxSkew.toSeconds() + " s";
        }
        if (time.isBefore(now.minus(maxAge))) {
            return "older than the " + maxAge.toDays() + " days readings are accepted for";
        }
        return null;
    }
}
