package io.depotops.schedule.domain.schedule;

import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns power per vehicle and slot into a schedule: energy, state of charge, unmet energy and why, load, cost. */
public final class ScheduleEvaluation {

    /** Power or energy below this is zero (solver round-off). */
    public static final double TOLERANCE = 1e-3;

    private ScheduleEvaluation() {}

    public static Schedule of(Layout layout, double[][] powerKw, SolverReport report) {
        ScheduleProblem problem = layout.problem;
        int slots = layout.slots;
        double[] chargingKw = new double[slots];
        double[][] chargerKw = new double[problem.chargers().size()][slots];
        double[][] circuitKw = new double[problem.circuits().size()][slots];
        for (int v = 0; v < layout.vehicles; v++) {
            for (int t = 0; t < slots; t++) {
                double p = powerKw[v][t];
                chargingKw[t] += p;
                if (layout.chargerOf[v] >= 0) {
                    chargerKw[layout.chargerOf[v]][t] += p;
                }
                if (layout.circuitOf[v] >= 0) {
                    circuitKw[layout.circuitOf[v]][t] += p;
                }
            }
        }
        List<VehiclePlan> plans = new ArrayList<>();
        double unmetTotal = 0;
        for (int v = 0; v < layout.vehicles; v++) {
            VehicleDemand vehicle = layout.vehicle(v);
            double energy = 0;
            for (int t = 0; t < slots; t++) {
                energy += powerKw[v][t] * layout.hours[t];
            }
            double unmet = Math.max(0, vehicle.energyNeededKwh() - energy);
            if (unmet < TOLERANCE) {
                unmet = 0;
            }
            unmetTotal += unmet;
            List<LimitBinding> limits =
                    unmet > 0 ? bindings(layout, v, powerKw[v], chargingKw, chargerKw, circuitKw) : List.of();
            Double soc = vehicle.knowsBattery() ? vehicle.currentSoc() + energy / vehicle.batteryKwh() : null;
            plans.add(new VehiclePlan(
                    vehicle.id(),
                    layout.assignment.of(vehicle.id()).orElse(null),
                    powerKw[v],
                    energy,
                    soc,
                    unmet,
                    limits));
        }
        double[] importKw = new double[slots];
        double peak = 0;
        double energyCost = 0;
        double exportCredit = 0;
        Tariff tariff = problem.tariff();
        for (int t = 0; t < slots; t++) {
            double net = problem.baseLoadKw()[t] + chargingKw[t];
            importKw[t] = Math.max(0, net);
            peak = Math.max(peak, importKw[t]);
            energyCost += tariff.energyPrice()[t] * importKw[t] * layout.hours[t];
            exportCredit += tariff.exportPrice()[t] * Math.max(0, -net) * layout.hours[t];
        }
        Cost cost = new Cost(energyCost, exportCredit, tariff.demandChargePerKw() * peak);
        return new Schedule(plans, importKw, peak, cost, unmetTotal, report);
    }

    // Each slot where the vehicle charged below its own bound names the shared limit that was used
    // up there; a vehicle at its own bound throughout was limited by its stay, power and curve.
    private static List<LimitBinding> bindings(
            Layout layout, int v, double[] power, double[] chargingKw, double[][] chargerKw, double[][] circuitKw) {
        if (layout.chargerOf[v] < 0) {
            return List.of(new LimitBinding(Limit.NO_FREE_CONNECTOR, null));
        }
        Set<LimitBinding> found = new LinkedHashSet<>();
        double delivered = 0;
        boolean curveBound = false;
        for (int t = 0; t < layout.slots; t++) {
            double own = layout.vehicleCapKw(v, t, delivered);
            if (layout.presenceCapKw[v][t] > 0 && own < layout.presenceCapKw[v][t] - TOLERANCE) {
                curveBound = true;
            }
            if (layout.presenceCapKw[v][t] > 0 && power[t] < own - TOLERANCE) {
                if (chargingKw[t] >= layout.siteCapKw[t] - TOLERANCE) {
                    found.add(new LimitBinding(Limit.SITE_LIMIT, null));
                }
                Circuit circuit = layout.circuit(v);
                if (circuit != null && circuitKw[layout.circuitOf[v]][t] >= circuit.limitKw()[t] - TOLERANCE) {
                    found.add(new LimitBinding(Limit.CIRCUIT_LIMIT, circuit.id()));
                }
                if (chargerKw[layout.chargerOf[v]][t] >= layout.charger(v).maxPowerKw() - TOLERANCE) {
                    found.add(new LimitBinding(
                            Limit.CHARGER_POWER, layout.charger(v).id()));
                }
            }
            delivered += power[t] * layout.hours[t];
        }
        if (curveBound) {
            found.add(new LimitBinding(Limit.CHARGE_CURVE, null));
        }
        if (found.isEmpty() || found.stream().allMatch(b -> b.limit() == Limit.CHARGE_CURVE)) {
            found.add(new LimitBinding(Limit.STAY_AND_VEHICLE_POWER, null));
        }
        return List.copyOf(found);
    }
}
