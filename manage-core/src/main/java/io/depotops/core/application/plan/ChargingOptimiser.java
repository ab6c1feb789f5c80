package io.depotops.core.application.plan;

import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.core.domain.plan.ChargingProblem;
import java.util.UUID;

/** The schedule optimiser (schedule-creator). */
public interface ChargingOptimiser {

    /**
     * A plan for the depot (version 0, nothing skipped): the planner numbers it.
     *
     * @throws OptimiserUnavailableException when the optimiser cannot be reached or refuses
     */
    ChargingPlan solve(UUID depotId, ChargingProblem problem);
}
