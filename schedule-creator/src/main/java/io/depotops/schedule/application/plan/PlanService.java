package io.depotops.schedule.application.plan;

import io.depotops.schedule.application.InvalidInputException;
import io.depotops.schedule.application.InvalidInputException.FieldProblem;
import io.depotops.schedule.application.NotFoundException;
import io.depotops.schedule.application.StaleVersionException;
import io.depotops.schedule.application.port.PlanStore;
import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.ConnectorRef;
import io.depotops.schedule.domain.schedule.Schedule;
import io.depotops.schedule.domain.schedule.VehiclePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans and re-plans. A plan is kept until it expires (its horizon's end, or {@code plan-ttl} after
 * it was made, whichever is first); a re-plan takes the plan as applied up to the slot that holds
 * the change, applies the changes and solves the rest warm: the connectors in use stay, and the
 * solve is bounded by the re-plan's time limit.
 */
@ApplicationScoped
public class PlanService {

    private final ScheduleSolver solver;
    private final PlanStore store;
    private final Clock clock;
    private final Duration ttl;

    public PlanService(
            ScheduleSolver solver,
            PlanStore store,
            Clock clock,
            @ConfigProperty(name = "depotops.schedule.plan-ttl", defaultValue = "PT1H") Duration ttl) {
        this.solver = solver;
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Plan plan(UUID workspaceId, ScheduleProblem problem, SolveOptions options) {
        Schedule schedule = solver.solve(problem, options, Map.of());
        Instant now = clock.instant();
        Plan plan = new Plan(UUID.randomUUID(), workspaceId, 1, now, expiry(now, problem), problem, schedule, options);
        store.add(plan);
        return plan;
    }

    /** Solves without keeping a plan (core's planner and notebooks that only want the schedule). */
    public Schedule solveOnce(ScheduleProblem problem, SolveOptions options) {
        return solver.solve(problem, options, Map.of());
    }

    /** The current plan, if the caller may see its workspace ({@code mayAccess}). */
    public Plan get(UUID planId, Predicate<UUID> mayAccess) {
        return current(planId, mayAccess);
    }

    public Plan replan(UUID planId, Predicate<UUID> mayAccess, long basedOnVersion, PlanChanges changes) {
        Plan plan = current(planId, mayAccess);
        if (plan.version() != basedOnVersion) {
            throw new StaleVersionException(basedOnVersion, plan.version());
        }
        ScheduleProblem old = plan.problem();
        Instant at = changes.at() == null ? clock.instant() : changes.at();
        int first = old.horizon().slotOf(at);
        if (first < 0) {
            throw new InvalidInputException(
                    "at",
                    "must lie inside the plan's horizon [" + old.horizon().start() + ", "
                            + old.horizon().end() + ")");
        }
        ScheduleProblem next = remaining(plan, first, at, changes);
        SolveOptions options = new SolveOptions(
                plan.options().algorithm(),
                changes.timeLimit() == null ? plan.options().timeLimit() : changes.timeLimit(),
                plan.options().minimisePeak());
        Map<String, ConnectorRef> keep = new HashMap<>();
        for (VehiclePlan vehicle : plan.schedule().vehicles()) {
            if (vehicle.connector() != null) {
                keep.put(vehicle.vehicleId(), vehicle.connector());
            }
        }
        Schedule schedule = solver.solve(next, options, keep);
        Instant now = clock.instant();
        Plan replanned = new Plan(
                plan.id(), plan.workspaceId(), plan.version() + 1, now, expiry(now, next), next, schedule, options);
        if (!store.replace(plan, replanned)) {
            Plan current = current(planId, mayAccess);
            throw new StaleVersionException(basedOnVersion, current.version());
        }
        return replanned;
    }

    private Plan current(UUID planId, Predicate<UUID> mayAccess) {
        Plan plan = store.find(planId).orElseThrow(() -> new NotFoundException(planId));
        if (!mayAccess.test(plan.workspaceId()) || !clock.instant().isBefore(plan.expiresAt())) {
            throw new NotFoundException(planId);
        }
        return plan;
    }

    private Instant expiry(Instant now, ScheduleProblem problem) {
        Instant byTtl = now.plus(ttl);
        return byTtl.isBefore(problem.horizon().end())
                ? byTtl
                : problem.horizon().end();
    }

    // The problem from slot `first` on, with what the plan delivered before it and the changes.
    private static ScheduleProblem remaining(Plan plan, int first, Instant at, PlanChanges changes) {
        ScheduleProblem old = plan.problem();
        Horizon horizon = old.horizon().from(first);
        int slots = horizon.slots();
        Map<String, VehiclePlan> planned = new HashMap<>();
        for (VehiclePlan vehicle : plan.schedule().vehicles()) {
            planned.put(vehicle.vehicleId(), vehicle);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        List<VehicleDemand> vehicles = new ArrayList<>();
        for (VehicleDemand vehicle : old.vehicles()) {
            known.add(vehicle.id());
            double delivered = 0;
            VehiclePlan before = planned.get(vehicle.id());
            for (int t = 0; t < first && before != null; t++) {
                delivered += before.powerKw()[t] * old.horizon().hours(t);
            }
            VehicleDemand next = vehicle.withNeed(
                    Math.max(0, vehicle.energyNeededKwh() - delivered),
                    vehicle.knowsBattery() ? vehicle.currentSoc() + delivered / vehicle.batteryKwh() : null);
            Double soc = changes.socUpdates().get(vehicle.id());
            if (soc != null) {
                if (!vehicle.knowsBattery()) {
                    problems.add(new FieldProblem(
                            "socUpdates." + vehicle.id(), "the vehicle's battery is unknown: send energyUpdates"));
                } else {
                    double target = vehicle.currentSoc() * vehicle.batteryKwh() + vehicle.energyNeededKwh();
                    next = next.withNeed(Math.max(0, target - soc * vehicle.batteryKwh()), soc);
                }
            }
            Double energy = changes.energyUpdates().get(vehicle.id());
            if (energy != null) {
                next = next.withNeed(energy, next.currentSoc());
            }
            Instant departure = changes.departures().get(vehicle.id());
            if (departure != null) {
                next = next.withStay(vehicle.arrival(), departure.isBefore(at) ? at : departure);
            }
            vehicles.add(next);
        }
        for (String id : changes.departures().keySet()) {
            if (!known.contains(id)) {
                problems.add(new FieldProblem("departures." + id, "no such vehicle in the plan"));
            }
        }
        for (String id : changes.socUpdates().keySet()) {
            if (!known.contains(id)) {
                problems.add(new FieldProblem("socUpdates." + id, "no such vehicle in the plan"));
            }
        }
        for (String id : changes.energyUpdates().keySet()) {
            if (!known.contains(id)) {
                problems.add(new FieldProblem("energyUpdates." + id, "no such vehicle in the plan"));
            }
        }
        for (int i = 0; i < changes.arrivals().size(); i++) {
            VehicleDemand arrival = changes.arrivals().get(i);
            if (!known.add(arrival.id())) {
                problems.add(new FieldProblem("arrivals[" + i + "].id", "a vehicle of the plan already has this id"));
            }
            vehicles.add(arrival);
        }
        Set<String> circuitIds = new HashSet<>();
        List<Circuit> circuits = new ArrayList<>();
        for (Circuit circuit : old.circuits()) {
            circuitIds.add(circuit.id());
            Double limit = changes.circuitLimitsKw().get(circuit.id());
            double[] limits = limit == null ? tail(circuit.limitKw(), first) : filled(slots, limit);
            circuits.add(new Circuit(circuit.id(), limits));
        }
        for (String id : changes.circuitLimitsKw().keySet()) {
            if (!circuitIds.contains(id)) {
                problems.add(new FieldProblem("circuitLimitsKw." + id, "no such circuit in the plan"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        double[] siteLimit =
                changes.siteLimitKw() == null ? tail(old.siteLimitKw(), first) : filled(slots, changes.siteLimitKw());
        Tariff tariff = new Tariff(
                tail(old.tariff().energyPrice(), first),
                old.tariff().demandChargePerKw(),
                tail(old.tariff().exportPrice(), first));
        return new ScheduleProblem(
                horizon, vehicles, old.chargers(), siteLimit, tail(old.baseLoadKw(), first), circuits, tariff);
    }

    private static double[] tail(double[] values, int first) {
        return Arrays.copyOfRange(values, first, values.length);
    }

    private static double[] filled(int slots, double value) {
        double[] values = new double[slots];
        Arrays.fill(values, value);
        return values;
    }
}
