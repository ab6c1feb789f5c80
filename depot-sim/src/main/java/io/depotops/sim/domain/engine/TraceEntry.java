package io.depotops.sim.domain.engine;

import java.time.Instant;

/** One thing that happened in a run, at its virtual time; a run's trace is the same for the same seed. */
public record TraceEntry(Instant at, String kind, String subject, String detail) {

    @Override
    public String toString() {
        return at + " " + kind + " " + subject + (detail.isEmpty() ? "" : " " + detail);
    }
}
