package io.depotops.contracts.schedule;

/** How a schedule is made: the optimiser, or one of the heuristics (its baselines and fallback). */
public enum ScheduleAlgorithmV1 {
    OPTIMISER,
    LEAST_LAXITY_FIRST,
    EARLIEST_DEADLINE_FIRST
}
