package io.depotops.core.application.plan;

import io.depotops.core.domain.plan.PlanningInputs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What each depot's plan was made from, and the facts of the depot the plan does not carry. */
public interface PlanInputsRepository {

    /** A depot with a plan: the ones core re-plans by itself. */
    record PlannedDepot(UUID workspaceId, UUID depotId) {}

    List<PlannedDepot> plannedDepots();

    Optional<PlanningInputs> find(UUID depotId);

    /** Replaces the depot's inputs, in a transaction of its own. */
    void save(UUID workspaceId, UUID depotId, PlanningInputs inputs, Instant plannedAt);

    /** The depot's open charging sessions as {@code charger/evse/connector:vehicle}. */
    Set<String> pluggedIn(UUID workspaceId, UUID depotId);
}
