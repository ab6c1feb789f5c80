package io.depotops.schedule.application.port;

import io.depotops.schedule.application.plan.Plan;
import java.util.Optional;
import java.util.UUID;

/** Where current plans are kept until they expire (re-plans start from them). */
public interface PlanStore {

    void add(Plan plan);

    Optional<Plan> find(UUID planId);

    /** Replaces {@code current} with {@code next} unless another re-plan came first; false then. */
    boolean replace(Plan current, Plan next);
}
