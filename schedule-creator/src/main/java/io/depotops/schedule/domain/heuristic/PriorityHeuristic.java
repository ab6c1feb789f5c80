package io.depotops.schedule.domain.heuristic;

import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.Algorithm;
import io.depotops.schedule.domain.schedule.Layout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baselines and the fallback: slot by slot, the vehicles present are served in order, each as
 * much as its own bound, its charger, its circuit and the site leave. Least laxity first orders by
 * the slack before departure (time left less the time its remaining energy needs at full power);
 * earliest deadline first by departure. Greedy and myopic: cheap (O(slots x vehicles log vehicles))
 * and blind to prices and the peak.
 */
public final class PriorityHeuristic {

    private PriorityHeuristic() {}

    /** Power per vehicle and slot. */
    public static double[][] schedule(Layout layout, Algorithm order) {
        if (order == Algorithm.OPTIMISER) {
            throw new IllegalArgumentException("not a heuristic: " + order);
        }
        int vehicles = layout.vehicles;
        double[][] power = new double[vehicles][layout.slots];
        double[] delivered = new double[vehicles];
        double[] chargerUsed = new double[layout.problem.chargers().size()];
        double[] circuitUsed = new double[layout.problem.circuits().size()];
        List<Integer> present = new ArrayList<>();
        double[] key = new double[vehicles];
        for (int t = 0; t < layout.slots; t++) {
            present.clear();
            java.util.Arrays.fill(chargerUsed, 0);
            java.util.Arrays.fill(circuitUsed, 0);
            double slotStartHours = hoursSinceStart(layout, t);
            for (int v = 0; v < vehicles; v++) {
                double remaining = layout.vehicle(v).energyNeededKwh() - delivered[v];
                if (layout.presenceCapKw[v][t] > 0 && remaining > 1e-9) {
                    present.add(v);
                    VehicleDemand vehicle = layout.vehicle(v);
                    double untilDeparture = hoursBetween(layout, vehicle) - slotStartHours;
                    key[v] = order == Algorithm.EARLIEST_DEADLINE_FIRST
                            ? untilDeparture
                            : untilDeparture - remaining / vehicle.maxPowerKw();
                }
            }
            present.sort(Comparator.<Integer>comparingDouble(v -> key[v])
                    .thenComparing(v -> -layout.vehicle(v).priority())
                    .thenComparing(v -> layout.vehicle(v).id()));
            double site = layout.siteCapKw[t];
            for (int v : present) {
                double p = Math.min(
                        layout.vehicleCapKw(v, t, delivered[v]),
                        (layout.vehicle(v).energyNeededKwh() - delivered[v]) / layout.hours[t]);
                p = Math.min(p, site);
                int charger = layout.chargerOf[v];
                p = Math.min(p, layout.problem.chargers().get(charger).maxPowerKw() - chargerUsed[charger]);
                Circuit circuit = layout.circuit(v);
                if (circuit != null) {
                    p = Math.min(p, circuit.limitKw()[t] - circuitUsed[layout.circuitOf[v]]);
                }
                p = Math.max(0, p);
                power[v][t] = p;
                delivered[v] += p * layout.hours[t];
                site -= p;
                chargerUsed[charger] += p;
                if (circuit != null) {
                    circuitUsed[layout.circuitOf[v]] += p;
                }
            }
        }
        return power;
    }

    private static double hoursSinceStart(Layout layout, int slot) {
        return java.time.Duration.between(
                                layout.problem.horizon().start(),
                                layout.problem.horizon().slotStart(slot))
                        .getSeconds()
                / 3600.0;
    }

    private static double hoursBetween(Layout layout, VehicleDemand vehicle) {
        // Seconds, not millis: a departure centuries away must not overflow.
        return java.time.Duration.between(layout.problem.horizon().start(), vehicle.departure())
                        .getSeconds()
                / 3600.0;
    }
}
