package io.depotops.schedule.adapter.out.memory;

import io.depotops.schedule.application.plan.Plan;
import io.depotops.schedule.application.port.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans in this instance's memory, until they expire: a plan is a cache of a computation the
 * caller can repeat (it holds the problem), so a restart loses nothing the caller cannot resend.
 * Bounded: beyond {@code max-plans} the expired ones go first, then the oldest.
 */
@ApplicationScoped
public class InMemoryPlanStore implements PlanStore {

    private final ConcurrentHashMap<UUID, Plan> plans = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxPlans;

    public InMemoryPlanStore(
            Clock clock, @ConfigProperty(name = "depotops.schedule.max-plans", defaultValue = "1000") int maxPlans) {
        this.clock = clock;
        this.maxPlans = maxPlans;
    }

    @Override
    public void add(Plan plan) {
        if (plans.size() >= maxPlans) {
            evict();
        }
        plans.put(plan.id(), plan);
    }

    @Override
    public Optional<Plan> find(UUID planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    @Override
    public boolean replace(Plan current, Plan next) {
        return plans.replace(current.id(), current, next);
    }

    private synchronized void evict() {
        var now = clock.instant();
        plans.values().removeIf(plan -> !now.isBefore(plan.expiresAt()));
        while (plans.size() >= maxPlans) {
            plans.values().stream()
                    .min(java.util.Comparator.comparing(Plan::createdAt))
                    .ifPresent(oldest -> plans.remove(oldest.id()));
        }
    }
}
