package io.depotops.schedule.domain.schedule;

/** How far the solve got. */
public enum SolveStatus {
    /** Every stage of the optimiser proved optimal. */
    OPTIMAL,
    /** The time limit cut a later stage: the schedule is the best of the stages that finished. */
    TIME_LIMIT,
    /** A heuristic made the schedule (asked for, or the optimiser failed or ran out of time first). */
    HEURISTIC
}
