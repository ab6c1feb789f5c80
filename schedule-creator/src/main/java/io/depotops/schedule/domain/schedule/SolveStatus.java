package io.depotops.schedule.domain.schedule;

/** How far the solve got. */
public enum SolveStatus {
    /** The optimiser proved the schedule optimal (for the connector assignment it was given). */
    OPTIMAL,
    /** A heuristic made the schedule: asked for, or the optimiser could not run, failed or ran out of time. */
    HEURISTIC
}
