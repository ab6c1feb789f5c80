package io.depotops.incidents.domain.notification;

import java.time.Duration;

/** Exponential backoff: {@code initial}, doubled after each failed attempt, at most {@code max}. */
public record RetryPolicy(Duration initial, Duration max) {

    /** The pause after the {@code attempt}-th failed attempt (1-based). */
    public Duration pauseAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration pause = initial.multipliedBy(1L << doublings);
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
