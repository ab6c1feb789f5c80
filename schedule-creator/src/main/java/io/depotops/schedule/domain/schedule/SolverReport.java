package io.depotops.schedule.domain.schedule;

/**
 * How the schedule was made.
 *
 * @param gap relative gap to the bound of the first objective (unmet energy); null when unknown
 * @param timeLimitReached the time limit cut the solve
 * @param degraded the optimiser was asked for but unavailable or failed; a heuristic answered
 */
public record SolverReport(
        Algorithm algorithm,
        SolveStatus status,
        Double gap,
        long solveMillis,
        boolean timeLimitReached,
        boolean degraded,
        String note) {}
