package io.depotops.schedule.adapter.out.solver;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.depotops.schedule.application.port.Optimiser;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.Layout;
import io.depotops.schedule.domain.schedule.SolveStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The schedule as a linear programme solved by OR-Tools' GLOP (ADR 0014), its objectives in order
 * (lexicographic, by weights): (1) priority-weighted unmet energy; (2) cost: energy bought less
 * export credit plus the demand charge on the peak import; (3) the peak import, if asked; ties
 * broken towards delivering earlier. Connectors are assigned before
 * (see ConnectorAssignment), so the programme is continuous: power per vehicle and slot within the
 * vehicle's presence, its charge curve (linear taper on the state of charge at the slot's start),
 * its charger, its circuit and the site.
 */
@ApplicationScoped
public class GlopOptimiser implements Optimiser {

    private static final Logger LOG = Logger.getLogger(GlopOptimiser.class);
    // Tie-breakers below any cost: per kW of peak import, per kWh delivered at the horizon's end.
    private static final double PEAK_WEIGHT = 1e-3;
    private static final double EARLINESS_WEIGHT = 1e-4;

    private final String solverId;
    private volatile Boolean loaded;

    public GlopOptimiser(@ConfigProperty(name = "depotops.schedule.solver", defaultValue = "GLOP") String solverId) {
        this.solverId = solverId;
    }

    @Override
    public boolean available() {
        if (!load()) {
            return false;
        }
        MPSolver probe = MPSolver.createSolver(solverId);
        if (probe == null) {
            return false;
        }
        probe.delete();
        return true;
    }

    private boolean load() {
        Boolean state = loaded;
        if (state == null) {
            synchronized (this) {
                if (loaded == null) {
                    try {
                        Loader.loadNativeLibraries();
                        loaded = true;
                    } catch (LinkageError | RuntimeException e) {
                        LOG.errorf(e, "OR-Tools' native library did not load; the heuristic will answer");
                        loaded = false;
                    }
                }
                state = loaded;
            }
        }
        return state;
    }

    @Override
    public Outcome solve(Layout layout, Duration timeLimit, boolean minimisePeak) {
        if (!load()) {
            throw new OptimiserUnavailableException("OR-Tools' native library did not load", null);
        }
        long deadline = System.nanoTime() + timeLimit.toNanos(); // building the model counts too
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new OptimiserUnavailableException("no solver " + solverId + " in this OR-Tools build", null);
        }
        try {
            return new Model(solver, layout).run(deadline, minimisePeak);
        } finally {
            solver.delete();
        }
    }

    /** One problem's programme. */
    private static final class Model {

        private final MPSolver solver;
        private final Layout layout;
        private final MPVariable[][] power;
        private final MPVariable[] unmet;
        private final MPVariable[] importKw;
        private final MPVariable peak;

        Model(MPSolver solver, Layout layout) {
            this.solver = solver;
            this.layout = layout;
            ScheduleProblem problem = layout.problem;
            int slots = layout.slots;
            double infinity = MPSolver.infinity();
            power = new MPVariable[layout.vehicles][slots];
            unmet = new MPVariable[layout.vehicles];
            double[] chargingCap = new double[slots];
            for (int v = 0; v < layout.vehicles; v++) {
                VehicleDemand vehicle = layout.vehicle(v);
                double need = vehicle.energyNeededKwh();
                unmet[v] = solver.makeNumVar(0, need, "");
                MPConstraint energy = solver.makeConstraint(need, need, "");
                energy.setCoefficient(unmet[v], 1);
                for (int t = 0; t < slots; t++) {
                    double cap = layout.presenceCapKw[v][t];
                    if (cap > 0) {
                        power[v][t] = solver.makeNumVar(0, cap, "");
                        energy.setCoefficient(power[v][t], layout.hours[t]);
                        chargingCap[t] += cap;
                    }
                }
                addChargeCurve(v);
            }
            for (int t = 0; t < slots; t++) {
                if (chargingCap[t] > layout.siteCapKw[t]) {
                    MPConstraint site = solver.makeConstraint(-infinity, layout.siteCapKw[t], "");
                    for (int v = 0; v < layout.vehicles; v++) {
                        if (power[v][t] != null) {
                            site.setCoefficient(power[v][t], 1);
                        }
                    }
                }
            }
            shared(
                    problem.chargers().size(),
                    layout.chargerOf,
                    c -> constant(problem.chargers().get(c).maxPowerKw()));
            shared(
                    problem.circuits().size(),
                    layout.circuitOf,
                    c -> problem.circuits().get(c).limitKw());
            importKw = new MPVariable[slots];
            peak = solver.makeNumVar(0, infinity, "");
            for (int t = 0; t < slots; t++) {
                importKw[t] = solver.makeNumVar(0, infinity, "");
                // import >= base load + charging
                MPConstraint imports = solver.makeConstraint(problem.baseLoadKw()[t], infinity, "");
                imports.setCoefficient(importKw[t], 1);
                for (int v = 0; v < layout.vehicles; v++) {
                    if (power[v][t] != null) {
                        imports.setCoefficient(power[v][t], -1);
                    }
                }
                MPConstraint peaks = solver.makeConstraint(0, infinity, "");
                peaks.setCoefficient(peak, 1);
                peaks.setCoefficient(importKw[t], -1);
            }
        }

        private double[] constant(double value) {
            double[] values = new double[layout.slots];
            java.util.Arrays.fill(values, value);
            return values;
        }

        // Power shared by the vehicles of one charger or circuit, bounded per slot where it can bind.
        private void shared(int groups, int[] groupOf, java.util.function.IntFunction<double[]> limit) {
            for (int g = 0; g < groups; g++) {
                List<Integer> members = new ArrayList<>();
                for (int v = 0; v < layout.vehicles; v++) {
                    if (groupOf[v] == g) {
                        members.add(v);
                    }
                }
                double[] limits = limit.apply(g);
                for (int t = 0; t < layout.slots; t++) {
                    double cap = 0;
                    for (int v : members) {
                        cap += layout.presenceCapKw[v][t];
                    }
                    if (cap <= limits[t]) {
                        continue;
                    }
                    MPConstraint bound = solver.makeConstraint(-MPSolver.infinity(), limits[t], "");
                    for (int v : members) {
                        if (power[v][t] != null) {
                            bound.setCoefficient(power[v][t], 1);
                        }
                    }
                }
            }
        }

        // p_t <= presence_t * maxP * (1 - soc_t) / (1 - taper), soc_t = soc_0 + delivered before t / battery,
        // with delivered-before as a running sum (one variable per slot keeps the matrix sparse).
        private void addChargeCurve(int v) {
            VehicleDemand vehicle = layout.vehicle(v);
            if (vehicle.curve() == null) {
                return;
            }
            double taper = vehicle.curve().taperFromSoc();
            if (vehicle.currentSoc() + vehicle.energyNeededKwh() / vehicle.batteryKwh() <= taper) {
                return; // it never gets above the taper
            }
            MPVariable before = null;
            MPVariable previousPower = null;
            double previousHours = 0;
            for (int t = 0; t < layout.slots; t++) {
                if (power[v][t] == null) {
                    continue;
                }
                MPVariable delivered = null;
                if (previousPower != null) {
                    delivered = solver.makeNumVar(0, vehicle.energyNeededKwh(), "");
                    MPConstraint running = solver.makeConstraint(0, 0, "");
                    running.setCoefficient(delivered, 1);
                    running.setCoefficient(previousPower, -previousHours);
                    if (before != null) {
                        running.setCoefficient(before, -1);
                    }
                }
                double presence = layout.presenceCapKw[v][t] / vehicle.maxPowerKw();
                double scale = presence * vehicle.maxPowerKw() / (1 - taper);
                MPConstraint curve =
                        solver.makeConstraint(-MPSolver.infinity(), scale * (1 - vehicle.currentSoc()), "");
                curve.setCoefficient(power[v][t], 1);
                if (delivered != null) {
                    curve.setCoefficient(delivered, scale / vehicle.batteryKwh());
                }
                before = delivered;
                previousPower = power[v][t];
                previousHours = layout.hours[t];
            }
        }

        /**
         * One solve of the three objectives weighted so that their order holds: a kWh left unmet
         * weighs more than anything delivering it could cost (the dearest energy and the peak it
         * could raise in the shortest slot), and the peak and earliness weights are small against
         * any cost. One solve, not one per objective: stages that keep each optimum as a (dense)
         * row tripled the time on 500 vehicles.
         */
        Outcome run(long deadline, boolean minimisePeak) {
            long built = System.nanoTime();
            Tariff tariff = layout.problem.tariff();
            double dearest = 0;
            double shortest = Double.MAX_VALUE;
            for (int t = 0; t < layout.slots; t++) {
                dearest = Math.max(
                        dearest, Math.max(Math.abs(tariff.energyPrice()[t]), Math.abs(tariff.exportPrice()[t])));
                shortest = Math.min(shortest, layout.hours[t]);
            }
            double peakWeight = minimisePeak ? PEAK_WEIGHT : 0;
            double unmetWeight =
                    10 * (1 + dearest + (tariff.demandChargePerKw() + peakWeight) / shortest + EARLINESS_WEIGHT);
            MPObjective objective = solver.objective();
            for (int v = 0; v < layout.vehicles; v++) {
                objective.setCoefficient(
                        unmet[v], unmetWeight * layout.vehicle(v).priority());
            }
            for (int t = 0; t < layout.slots; t++) {
                double h = layout.hours[t];
                double export = tariff.exportPrice()[t];
                objective.setCoefficient(importKw[t], h * (tariff.energyPrice()[t] - export));
                double early = EARLINESS_WEIGHT * (t + 1) / layout.slots;
                for (int v = 0; v < layout.vehicles; v++) {
                    if (power[v][t] != null) {
                        objective.setCoefficient(power[v][t], h * (export + early));
                    }
                }
            }
            objective.setCoefficient(peak, tariff.demandChargePerKw() + peakWeight);
            objective.setMinimization();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Outcome(null, SolveStatus.HEURISTIC, null, true, "time limit reached building the model");
            }
            solver.setTimeLimit(left);
            long solving = System.nanoTime();
            MPSolver.ResultStatus status = solver.solve();
            String timing = "build " + (solving - built) / 1_000_000 + " ms, solve "
                    + (System.nanoTime() - solving) / 1_000_000 + " ms";
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                boolean timedOut = System.nanoTime() >= deadline || status == MPSolver.ResultStatus.NOT_SOLVED;
                return new Outcome(
                        null, SolveStatus.HEURISTIC, null, timedOut, "solver ended " + status + "; " + timing);
            }
            return new Outcome(values(), SolveStatus.OPTIMAL, 0.0, false, timing);
        }

        private double[][] values() {
            double[][] values = new double[layout.vehicles][layout.slots];
            for (int v = 0; v < layout.vehicles; v++) {
                for (int t = 0; t < layout.slots; t++) {
                    if (power[v][t] != null) {
                        values[v][t] = Math.max(0, power[v][t].solutionValue());
                    }
                }
            }
            return values;
        }
    }
}
