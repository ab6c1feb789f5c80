package io.depotops.core.application.plan;

import io.depotops.core.domain.plan.ChargingPlan;
import java.util.Optional;
import java.util.UUID;

/** The latest charging plan of each depot. */
public interface PlanRepository {

    Optional<ChargingPlan> find(UUID workspaceId, UUID depotId);

    /** Replaces the depot's plan with {@code plan}, in a transaction of its own. */
    void save(ChargingPlan plan);
}
