package io.depotops.sim.application.run;

import io.depotops.sim.domain.engine.RunReport;
import java.time.Instant;
import java.util.UUID;

/** A run as stored: what it runs, how fast, where it is, and its report once it ended. */
public record RunRecord(
        UUID id,
        UUID workspaceId,
        UUID configId,
        int configVersion,
        long seed,
        int speed,
        String state,
        Instant createdAt,
        Instant endedAt,
        RunReport report) {

    public static final String CREATED = "CREATED";
    public static final String RUNNING = "RUNNING";
    public static final String PAUSED = "PAUSED";
    public static final String FINISHED = "FINISHED";
    public static final String STOPPED = "STOPPED";
    public static final String INTERRUPTED = "INTERRUPTED";

    public boolean ended() {
        return FINISHED.equals(state) || STOPPED.equals(state) || INTERRUPTED.equals(state);
    }

    public RunRecord with(String newState) {
        return new RunRecord(
                id, workspaceId, configId, configVersion, seed, speed, newState, createdAt, endedAt, report);
    }

    public RunRecord ended(String finalState, Instant at, RunReport finalReport) {
        return new RunRecord(
                id, workspaceId, configId, configVersion, seed, speed, finalState, createdAt, at, finalReport);
    }
}
