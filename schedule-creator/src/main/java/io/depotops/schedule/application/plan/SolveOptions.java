package io.depotops.schedule.application.plan;

import io.depotops.schedule.domain.schedule.Algorithm;
import java.time.Duration;

/**
 * How to solve: the algorithm, the time the optimiser may take and whether its last stage
 * flattens the peak (off when there is no demand charge and delivering early matters more, as when
 * departures are uncertain).
 */
public record SolveOptions(Algorithm algorithm, Duration timeLimit, boolean minimisePeak) {}
