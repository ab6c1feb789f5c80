package io.depotops.core.application.plan;

import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.plan.PlanInputsRepository.PlannedDepot;
import io.depotops.core.domain.plan.PlanningInputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * core re-plans a depot by itself (issue 10) when what its plan was made from has changed: a vehicle
 * arrived or plugged in, left or changed its departure, its state of charge moved by the threshold
 * or more, a charger, a site's limit or a tariff changed ({@link PlanningInputs}). Changes are
 * debounced per depot: the first change seen starts the wait, the ones within it join the same
 * re-plan. Runs from a scheduled job, never on a consumer's thread; each re-plan is bounded by the
 * optimiser call's timeouts, a pass by its budget (the depots left wait for the next pass). Only
 * depots with a plan are watched: an operator's first plan opts a depot in.
 */
@ApplicationScoped
public class AutomaticReplanner {

    private static final Logger LOG = Logger.getLogger(AutomaticReplanner.class);

    private final ChargingPlanner planner;
    private final PlanInputsRepository inputs;
    private final Duration debounce;
    private final double socThresholdPercent;
    private final Duration passBudget;
    /** Depot -> when a change of its inputs was first seen and not yet planned for. */
    private final Map<UUID, Instant> changedSince = new ConcurrentHashMap<>();

    AutomaticReplanner(
            ChargingPlanner planner,
            PlanInputsRepository inputs,
            @ConfigProperty(name = "depotops.plan.auto-replan.debounce", defaultValue = "PT30S") Duration debounce,
            @ConfigProperty(name = "depotops.plan.auto-replan.soc-threshold-percent", defaultValue = "5")
                    double socThresholdPercent,
            @ConfigProperty(name = "depotops.plan.auto-replan.pass-budget", defaultValue = "PT60S")
                    Duration passBudget) {
        this.planner = planner;
        this.inputs = inputs;
        this.debounce = debounce;
        this.socThresholdPercent = socThresholdPercent;
        this.passBudget = passBudget;
    }

    /** One pass over the planned depots; the number re-planned. */
    public int check(Instant now) {
        long deadline = System.nanoTime() + passBudget.toNanos();
        int replanned = 0;
        for (PlannedDepot depot : inputs.plannedDepots()) {
            if (System.nanoTime() > deadline) {
                LOG.infof("re-plan pass out of its %s budget; the other depots wait for the next pass", passBudget);
                break;
            }
            try {
                if (replanIfChanged(depot, now)) {
                    replanned++;
                }
            } catch (OptimiserUnavailableException e) {
                // The previous plan stays; try again after another debounce.
                changedSince.put(depot.depotId(), now);
                LOG.warnf("automatic re-plan of depot %s failed: %s", depot.depotId(), e.getMessage());
            } catch (NotFoundException e) {
                changedSince.remove(depot.depotId());
            } catch (RuntimeException e) {
                changedSince.put(depot.depotId(), now);
                LOG.warnf(e, "automatic re-plan of depot %s failed", depot.depotId());
            }
        }
        return replanned;
    }

    private boolean replanIfChanged(PlannedDepot depot, Instant now) {
        Optional<PlanningInputs> current = planner.inputsNow(depot.workspaceId(), depot.depotId(), now);
        Optional<PlanningInputs> planned = inputs.find(depot.depotId());
        boolean changed = current.isPresent()
                && (planned.isEmpty() || current.get().differsFrom(planned.get(), socThresholdPercent));
        if (!changed) {
            changedSince.remove(depot.depotId());
            return false;
        }
        Instant since = changedSince.computeIfAbsent(depot.depotId(), id -> now);
        if (Duration.between(since, now).compareTo(debounce) < 0) {
            return false;
        }
        planner.plan(depot.workspaceId(), depot.depotId(), now);
        changedSince.remove(depot.depotId());
        LOG.debugf("depot %s re-planned by itself: its inputs changed since %s", depot.depotId(), since);
        return true;
    }
}
