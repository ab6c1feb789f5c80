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
 * broken towards delivering earlier. Each power variable sits in one load row
 * (its circuit's, or the site's); the limits bound those loads. Connectors are assigned before
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
    private static final String RESCALED = "use_scaling: true scaling_method: LINEAR_PROGRAM";

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
        long started = System.nanoTime();
        long deadline = started + timeLimit.toNanos(); // building the model counts too
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new OptimiserUnavailableException("no solver " + solverId + " in this OR-Tools build", null);
        }
        try {
            return new Model(solver, layout).run(started, deadline, minimisePeak);
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
                    }
                }
                addChargeCurve(v);
            }
            shared(
                    problem.chargers().size(),
                    layout.chargerOf,
                    c -> constant(problem.chargers().get(c).maxPowerKw()));
            // Each power variable enters one load row: its circuit's (or the site's directly). The
            // circuit limit is that load's bound, and the site and the import rows read only the few
            // loads per slot: a third of the matrix's entries of one row per limit over all vehicles.
            int groups = problem.circuits().size() + 1; // the last: chargers on the site directly
            MPVariable[][] load = new MPVariable[groups][slots];
            for (int g = 0; g < groups; g++) {
                boolean direct = g == groups - 1;
                for (int t = 0; t < slots; t++) {
                    MPConstraint sum = null;
                    double cap = 0;
                    for (int v = 0; v < layout.vehicles; v++) {
                        if (power[v][t] != null && groupOf(v, groups) == g) {
                            if (sum == null) {
                                double limit = direct
                                        ? infinity
                                        : problem.circuits().get(g).limitKw()[t];
                                load[g][t] = solver.makeNumVar(0, Math.max(0, limit), "");
                                sum = solver.makeConstraint(0, 0, "");
                                sum.setCoefficient(load[g][t], 1);
                            }
                            sum.setCoefficient(power[v][t], -1);
                            cap += layout.presenceCapKw[v][t];
                        }
                    }
                    if (load[g][t] != null && cap < load[g][t].ub()) {
                        load[g][t].setUb(cap);
                    }
                }
            }
            importKw = new MPVariable[slots];
            peak = solver.makeNumVar(0, infinity, "");
            for (int t = 0; t < slots; t++) {
                MPConstraint site = solver.makeConstraint(-infinity, layout.siteCapKw[t], "");
                importKw[t] = solver.makeNumVar(0, infinity, "");
                // import >= base load + charging
                MPConstraint imports = solver.makeConstraint(problem.baseLoadKw()[t], infinity, "");
                imports.setCoefficient(importKw[t], 1);
                for (int g = 0; g < groups; g++) {
                    if (load[g][t] != null) {
                        site.setCoefficient(load[g][t], 1);
                        imports.setCoefficient(load[g][t], -1);
                    }
                }
                MPConstraint peaks = solver.makeConstraint(0, infinity, "");
                peaks.setCoefficient(peak, 1);
                peaks.setCoefficient(importKw[t], -1);
            }
        }

        private int groupOf(int v, int groups) {
            return layout.circuitOf[v] < 0 ? groups - 1 : layout.circuitOf[v];
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
            // Rows only from the first slot where the state of charge can be above the taper:
            // before it the curve's bound is at least the vehicle's own (a third of the rows on the
            // generated depots). The first row's running sum takes every slot before it.
            MPVariable before = null;
            List<MPVariable> pending = new ArrayList<>();
            List<Double> pendingHours = new ArrayList<>();
            double mostDelivered = 0;
            for (int t = 0; t < layout.slots; t++) {
                if (power[v][t] == null) {
                    continue;
                }
                if (vehicle.currentSoc() + mostDelivered / vehicle.batteryKwh() > taper) {
                    MPVariable delivered = null;
                    if (!pending.isEmpty()) {
                        delivered = solver.makeNumVar(0, vehicle.energyNeededKwh(), "");
                        MPConstraint running = solver.makeConstraint(0, 0, "");
                        running.setCoefficient(delivered, 1);
                        for (int i = 0; i < pending.size(); i++) {
                            running.setCoefficient(pending.get(i), -pendingHours.get(i));
                        }
                        if (before != null) {
                            running.setCoefficient(before, -1);
                        }
                        pending.clear();
                        pendingHours.clear();
                    }
                    double presence = layout.presenceCapKw[v][t] / vehicle.maxPowerKw();
                    double scale = presence * vehicle.maxPowerKw() / (1 - taper);
                    MPConstraint curve =
                            solver.makeConstraint(-MPSolver.infinity(), scale * (1 - vehicle.currentSoc()), "");
                    curve.setCoefficient(power[v][t], 1);
                    if (delivered != null) {
                        curve.setCoefficient(delivered, scale / vehicle.batteryKwh());
                        before = delivered;
                    }
                }
                pending.add(power[v][t]);
                pendingHours.add(layout.hours[t]);
                mostDelivered += layout.presenceCapKw[v][t] * layout.hours[t];
            }
        }

        /**
         * One solve of the three objectives weighted so that their order holds: a kWh left unmet
         * weighs more than anything delivering it could cost (the dearest energy and the peak it
         * could raise in the shortest slot), and the peak and earliness weights are small against
         * any cost. One solve, not one per objective: stages that keep each optimum as a (dense)
         * row tripled the time on 500 vehicles.
         */
        Outcome run(long started, long deadline, boolean minimisePeak) {
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
                for (int v = 0; v < layout.vehicles; v++) {
                    if (power[v][t] != null) {
                        double early = EARLINESS_WEIGHT * (t + 1) / layout.slots;
                        objective.setCoefficient(power[v][t], h * (export + early));
                    }
                }
            }
            objective.setCoefficient(peak, tariff.demandChargePerKw() + peakWeight);
            objective.setMinimization();
            long solving = System.nanoTime();
            MPSolver.ResultStatus status = solveWithin(deadline);
            if (status == MPSolver.ResultStatus.ABNORMAL && System.nanoTime() < deadline) {
                // Seen on a 40-bus depot (150 kW, 400 kWh, weights up to ~300): GLOP's default
                // scaling loses precision; scaling for the whole programme solves it (ADR 0014).
                solver.setSolverSpecificParametersAsString(RESCALED);
                status = solveWithin(deadline);
            }
            long solved = System.nanoTime();
            String timing =
                    "build " + (solving - started) / 1_000_000 + " ms, solve " + (solved - solving) / 1_000_000 + " ms";
            if (status == null) {
                return new Outcome(null, SolveStatus.HEURISTIC, null, true, "time limit reached building the model");
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                boolean timedOut = solved >= deadline || status == MPSolver.ResultStatus.NOT_SOLVED;
                return new Outcome(
                        null, SolveStatus.HEURISTIC, null, timedOut, "solver ended " + status + "; " + timing);
            }
            return new Outcome(values(), SolveStatus.OPTIMAL, 0.0, false, timing);
        }

        /** Solves within what is left of the time limit; null when nothing is left. */
        private MPSolver.ResultStatus solveWithin(long deadline) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            solver.setTimeLimit(left);
            return solver.solve();
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
