package io.depotops.connect.domain;

import java.time.Instant;
import java.util.Objects;

/** The answer to a boot: the heartbeat interval when accepted, else the minimum wait before the next boot. */
public record BootOutcome(BootStatus status, int intervalSeconds, Instant currentTime) {

    public BootOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currentTime, "currentTime");
    }
}
