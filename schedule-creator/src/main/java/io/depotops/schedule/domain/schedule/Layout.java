package io.depotops.schedule.domain.schedule;

import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.VehicleDemand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem and its connector assignment as indexes and per-slot bounds, shared by the optimiser,
 * the heuristics and the evaluation: vehicle {@code v} in the problem's order, slot {@code t}.
 */
public final class Layout {

    public final ScheduleProblem problem;
    public final ConnectorAssignment assignment;
    public final int vehicles;
    public final int slots;
    public final double[] hours;
    /** Charger index per vehicle, -1 when it has no connector. */
    public final int[] chargerOf;
    /** Circuit index per vehicle, -1 when its charger hangs on the site directly (or none). */
    public final int[] circuitOf;
    /** The vehicle's own power bound per slot: maximum power times its presence in the slot. */
    public final double[][] presenceCapKw;
    /** Power left for the chargers per slot: the site limit less the base load (never below 0). */
    public final double[] siteCapKw;

    public Layout(ScheduleProblem problem, ConnectorAssignment assignment) {
        this.problem = problem;
        this.assignment = assignment;
        Horizon horizon = problem.horizon();
        this.vehicles = problem.vehicles().size();
        this.slots = horizon.slots();
        this.hours = new double[slots];
        for (int t = 0; t < slots; t++) {
            hours[t] = horizon.hours(t);
        }
        Map<String, Integer> chargerIndex = new HashMap<>();
        List<Charger> chargers = problem.chargers();
        for (int i = 0; i < chargers.size(); i++) {
            chargerIndex.put(chargers.get(i).id(), i);
        }
        Map<String, Integer> circuitIndex = new HashMap<>();
        List<Circuit> circuits = problem.circuits();
        for (int i = 0; i < circuits.size(); i++) {
            circuitIndex.put(circuits.get(i).id(), i);
        }
        this.chargerOf = new int[vehicles];
        this.circuitOf = new int[vehicles];
        this.presenceCapKw = new double[vehicles][slots];
        for (int v = 0; v < vehicles; v++) {
            VehicleDemand vehicle = problem.vehicles().get(v);
            ConnectorRef ref = assignment.of(vehicle.id()).orElse(null);
            chargerOf[v] = ref == null ? -1 : chargerIndex.get(ref.chargerId());
            String circuit = ref == null ? null : chargers.get(chargerOf[v]).circuitId();
            circuitOf[v] = circuit == null ? -1 : circuitIndex.getOrDefault(circuit, -1);
            if (ref == null) {
                continue;
            }
            for (int t = 0; t < slots; t++) {
                presenceCapKw[v][t] = vehicle.maxPowerKw() * horizon.overlap(t, vehicle.arrival(), vehicle.departure());
            }
        }
        this.siteCapKw = new double[slots];
        for (int t = 0; t < slots; t++) {
            siteCapKw[t] = Math.max(0, problem.siteLimitKw()[t] - problem.baseLoadKw()[t]);
        }
    }

    public VehicleDemand vehicle(int v) {
        return problem.vehicles().get(v);
    }

    public Charger charger(int v) {
        return chargerOf[v] < 0 ? null : problem.chargers().get(chargerOf[v]);
    }

    public Circuit circuit(int v) {
        return circuitOf[v] < 0 ? null : problem.circuits().get(circuitOf[v]);
    }

    /** The vehicle's bound in slot t after {@code deliveredKwh}: presence and charge curve. */
    public double vehicleCapKw(int v, int t, double deliveredKwh) {
        VehicleDemand vehicle = vehicle(v);
        if (presenceCapKw[v][t] <= 0) {
            return 0;
        }
        double presence = presenceCapKw[v][t] / vehicle.maxPowerKw();
        return vehicle.maxPowerAfter(deliveredKwh) * presence;
    }
}
