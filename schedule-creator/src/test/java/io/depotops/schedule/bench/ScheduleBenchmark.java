package io.depotops.schedule.bench;

import io.depotops.schedule.adapter.out.memory.InMemoryPlanStore;
import io.depotops.schedule.adapter.out.solver.GlopOptimiser;
import io.depotops.schedule.application.plan.Plan;
import io.depotops.schedule.application.plan.PlanChanges;
import io.depotops.schedule.application.plan.PlanService;
import io.depotops.schedule.application.plan.ScheduleSolver;
import io.depotops.schedule.application.plan.SolveOptions;
import io.depotops.schedule.domain.Depots;
import io.depotops.schedule.domain.Invariants;
import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.Algorithm;
import io.depotops.schedule.domain.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The schedule benchmark (benchmarks/schedule-quality): solve time and quality of the optimiser
 * against the heuristics on generated depots, and the online replay of the Caltech ACN sessions
 * when {@code depotops.bench.acn-csv} names the file. Prints its figures; asserts only the
 * invariants. Runs only when {@code depotops.bench.schedule=true}.
 */
@EnabledIfSystemProperty(named = "depotops.bench.schedule", matches = "true")
class ScheduleBenchmark {

    private static final ScheduleSolver SOLVER = new ScheduleSolver(new GlopOptimiser("GLOP"));
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void generatedDepots() {
        // Warm the JVM and the native library on a small problem first.
        SOLVER.solve(Depots.night(50, 3, 0.35, false, 1), options(Algorithm.OPTIMISER, true), Map.of());
        Map<Algorithm, long[]> vans =
                depot("500 vans x 96 slots, site limit, 3 circuits", Depots.night(500, 3, 0.35, false, 42));
        depot("200 vans x 96 slots, site limit, 3 circuits", Depots.night(200, 3, 0.35, false, 43));
        depot("40 buses x 96 slots, site limit, 3 circuits", Depots.night(40, 3, 0.35, true, 44));
        long[] replanned = replan(Depots.night(500, 3, 0.35, false, 42));
        System.out.printf("%n== targets of issue 10 (this machine, its load included) ==%n");
        target("500 vans, optimiser (optimal)", vans.get(Algorithm.OPTIMISER), 2000);
        target("500 vans, least laxity first", vans.get(Algorithm.LEAST_LAXITY_FIRST), 50);
        target("500 vans, earliest deadline first", vans.get(Algorithm.EARLIEST_DEADLINE_FIRST), 50);
        target("warm re-plan after one arrival", replanned, 500);
    }

    /** {millis, 1 when the optimiser or heuristic asked for answered itself, 0 when the fallback did}. */
    private static void target(String what, long[] measured, long targetMillis) {
        boolean met = measured[1] == 1 && measured[0] < targetMillis;
        System.out.printf(
                "  %-36s %7d ms  target < %5d ms: %s%n",
                what,
                measured[0],
                targetMillis,
                met ? "met" : measured[1] == 1 ? "NOT met" : "NOT met (the heuristic answered)");
    }

    /** Best time of 3 per algorithm (the optimiser's only when it answered itself). */
    private static Map<Algorithm, long[]> depot(String name, ScheduleProblem problem) {
        Map<Algorithm, long[]> times = new HashMap<>();
        System.out.printf("%n== %s ==%n", name);
        System.out.printf(
                "  %-26s %9s %12s %12s %10s %10s  %s%n",
                "algorithm", "time ms", "w.unmet kWh", "unmet kWh", "cost", "peak kW", "status");
        for (Algorithm algorithm : Algorithm.values()) {
            long best = Long.MAX_VALUE;
            Schedule schedule = null;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                schedule = SOLVER.solve(problem, options(algorithm, true), Map.of());
                best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
            }
            Invariants.check(problem, schedule);
            System.out.printf(
                    "  %-26s %9d %12.1f %12.1f %10.2f %10.1f  %s gap=%s%n",
                    algorithm,
                    best,
                    weightedUnmet(problem, schedule),
                    schedule.unmetKwh(),
                    schedule.cost().total(),
                    schedule.peakKw(),
                    schedule.solver().status(),
                    schedule.solver().gap()
                            + (schedule.solver().note() == null
                                    ? ""
                                    : " (" + schedule.solver().note() + ")"));
            boolean answered =
                    algorithm != Algorithm.OPTIMISER || schedule.solver().algorithm() == Algorithm.OPTIMISER;
            times.put(algorithm, new long[] {best, answered ? 1 : 0});
        }
        return times;
    }

    private static long[] replan(ScheduleProblem problem) {
        Clock clock = Clock.fixed(problem.horizon().start(), ZoneOffset.UTC);
        PlanService plans = new PlanService(SOLVER, new InMemoryPlanStore(clock, 10), clock, Duration.ofDays(2));
        SolveOptions options = new SolveOptions(Algorithm.OPTIMISER, Duration.ofMillis(500), true);
        Plan plan = plans.plan(UUID.randomUUID(), problem, new SolveOptions(Algorithm.OPTIMISER, LIMIT, true));
        Instant at = problem.horizon().slotStart(28); // 19:00, while vans arrive
        VehicleDemand arrival = new VehicleDemand(
                "late-van", at, problem.horizon().slotStart(80), 40, 75.0, 0.3, 11, null, Set.of(), 2);
        long started = System.nanoTime();
        Plan next = plans.replan(
                plan.id(),
                w -> true,
                1,
                new PlanChanges(
                        at, List.of(arrival), Map.of(), Map.of(), Map.of(), null, Map.of(), options.timeLimit()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        Invariants.check(next.problem(), next.schedule());
        System.out.printf("%n== warm re-plan of the 500-van plan after one arrival at slot 28 (limit 500 ms) ==%n");
        System.out.printf(
                "  %d ms, %d slots left, status %s, time limit reached %s, unmet %.1f kWh%n",
                millis,
                next.problem().horizon().slots(),
                next.schedule().solver().status(),
                next.schedule().solver().timeLimitReached(),
                next.schedule().unmetKwh());
        return new long[] {millis, next.schedule().solver().algorithm() == Algorithm.OPTIMISER ? 1 : 0};
    }

    /** One ACN session: 5-minute periods, energy asked, max power. */
    record Session(String id, int arrival, int departure, int estimatedDeparture, double kwh, double maxKw) {}

    @Test
    @EnabledIfSystemProperty(named = "depotops.bench.acn-csv", matches = ".+")
    void acnCaltechOnline() throws IOException {
        List<Session> sessions = read(Path.of(System.getProperty("depotops.bench.acn-csv")));
        int replanEvery = Integer.getInteger("depotops.bench.acn-replan-periods", 3);
        double requested = sessions.stream().mapToDouble(Session::kwh).sum();
        System.out.printf(
                "%n== ACN Caltech, March 2019: %d sessions, %.1f kWh requested; online, re-plan at every"
                        + " arrival and departure and every %d periods ==%n",
                sessions.size(), requested, replanEvery);
        System.out.printf(
                "  %-8s %10s %10s %10s %10s %12s %14s%n",
                "cap kW", "LLF", "EDF", "optimiser", "offline", "opt. ms/plan", "gap closed");
        for (double cap : new double[] {10, 20, 30}) {
            double llf = replay(sessions, cap, Algorithm.LEAST_LAXITY_FIRST, 1).delivered / requested;
            double edf = replay(sessions, cap, Algorithm.EARLIEST_DEADLINE_FIRST, 1).delivered / requested;
            Replay optimiser = replay(sessions, cap, Algorithm.OPTIMISER, replanEvery);
            double opt = optimiser.delivered / requested;
            double offline = offline(sessions, cap) / requested;
            System.out.printf(
                    "  %-8.0f %9.1f%% %9.1f%% %9.1f%% %9.1f%% %12.1f %13.0f%%%n",
                    cap,
                    100 * llf,
                    100 * edf,
                    100 * opt,
                    100 * offline,
                    optimiser.millisPerPlan,
                    100 * (opt - llf) / Math.max(1e-9, offline - llf));
        }
        System.out.println("  published (ACN-Sim, same sessions): LLF 58.6 % / 87.6 % / 99.0 % at 10 / 20 / 30 kW");
    }

    record Replay(double delivered, double millisPerPlan) {}

    private static final Instant EPOCH = Instant.parse("2019-03-01T08:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(5);

    private static Instant period(int p) {
        return EPOCH.plus(PERIOD.multipliedBy(p));
    }

    // Walks period by period; at each planning point only the sessions present and their estimated
    // departures are known; the plan's power is applied until the next planning point.
    private static Replay replay(List<Session> sessions, double capKw, Algorithm algorithm, int replanEvery) {
        int last = sessions.stream().mapToInt(Session::departure).max().orElse(0);
        double[] remaining = sessions.stream().mapToDouble(Session::kwh).toArray();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            index.put(sessions.get(i).id() + "#" + i, i);
        }
        double delivered = 0;
        Map<Integer, double[]> plan = new HashMap<>();
        int planStart = 0;
        long planMillis = 0;
        int plansMade = 0;
        List<Integer> present = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        for (int p = 0; p <= last; p++) {
            present.clear();
            for (int i = 0; i < sessions.size(); i++) {
                Session s = sessions.get(i);
                if (s.arrival() <= p && p < s.departure() && remaining[i] > 1e-6) {
                    present.add(i);
                }
            }
            if (present.isEmpty()) {
                before.clear();
                continue;
            }
            boolean changed = !present.equals(before) || (p - planStart) >= replanEvery;
            if (changed) {
                long started = System.nanoTime();
                plan = plan(sessions, present, remaining, p, capKw, algorithm);
                planMillis += (System.nanoTime() - started) / 1_000_000;
                plansMade++;
                planStart = p;
            }
            before = new ArrayList<>(present);
            for (int i : present) {
                double[] powers = plan.get(i);
                int slot = p - planStart;
                double kw = powers == null || slot >= powers.length ? 0 : powers[slot];
                double energy = Math.min(remaining[i], kw * PERIOD.toMinutes() / 60.0);
                remaining[i] -= energy;
                delivered += energy;
            }
        }
        return new Replay(delivered, plansMade == 0 ? 0 : (double) planMillis / plansMade);
    }

    private static Map<Integer, double[]> plan(
            List<Session> sessions,
            List<Integer> present,
            double[] remaining,
            int now,
            double capKw,
            Algorithm algorithm) {
        int end = now + 1;
        List<VehicleDemand> vehicles = new ArrayList<>();
        List<Charger> chargers = new ArrayList<>();
        for (int i : present) {
            Session s = sessions.get(i);
            int departure = Math.max(s.estimatedDeparture(), now + 1);
            end = Math.max(end, departure);
            vehicles.add(new VehicleDemand(
                    "s" + i,
                    period(now),
                    period(departure),
                    remaining[i],
                    null,
                    null,
                    s.maxKw(),
                    null,
                    Set.of("c" + i),
                    1));
            chargers.add(new Charger("c" + i, s.maxKw(), 1, null));
        }
        // Heuristics decide one period at a time; the optimiser plans to the last estimated departure.
        int slots = algorithm == Algorithm.OPTIMISER ? end - now : 1;
        double[] cap = new double[slots];
        Arrays.fill(cap, capKw);
        ScheduleProblem problem = new ScheduleProblem(
                Horizon.uniform(period(now), PERIOD, slots),
                vehicles,
                chargers,
                cap,
                new double[slots],
                List.of(),
                Tariff.free(slots));
        Schedule schedule = SOLVER.solve(problem, options(algorithm, false), Map.of());
        Map<Integer, double[]> byIndex = new HashMap<>();
        for (int k = 0; k < present.size(); k++) {
            byIndex.put(present.get(k), schedule.vehicles().get(k).powerKw());
        }
        return byIndex;
    }

    // Everything known in advance (actual departures): the upper bound of any online algorithm.
    private static double offline(List<Session> sessions, double capKw) {
        int first = sessions.stream().mapToInt(Session::arrival).min().orElse(0);
        int last = sessions.stream().mapToInt(Session::departure).max().orElse(1);
        List<VehicleDemand> vehicles = new ArrayList<>();
        List<Charger> chargers = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            vehicles.add(new VehicleDemand(
                    "s" + i,
                    period(s.arrival()),
                    period(s.departure()),
                    s.kwh(),
                    null,
                    null,
                    s.maxKw(),
                    null,
                    Set.of("c" + i),
                    1));
            chargers.add(new Charger("c" + i, s.maxKw(), 1, null));
        }
        int slots = last - first;
        double[] cap = new double[slots];
        Arrays.fill(cap, capKw);
        ScheduleProblem problem = new ScheduleProblem(
                Horizon.uniform(period(first), PERIOD, slots),
                vehicles,
                chargers,
                cap,
                new double[slots],
                List.of(),
                Tariff.free(slots));
        Schedule schedule =
                SOLVER.solve(problem, new SolveOptions(Algorithm.OPTIMISER, Duration.ofMinutes(10), false), Map.of());
        return schedule.vehicles().stream().mapToDouble(v -> v.energyKwh()).sum();
    }

    private static List<Session> read(Path csv) throws IOException {
        List<Session> sessions = new ArrayList<>();
        for (String line :
                Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            sessions.add(new Session(
                    f[0],
                    Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }
        return sessions;
    }

    private static SolveOptions options(Algorithm algorithm, boolean minimisePeak) {
        return new SolveOptions(algorithm, LIMIT, minimisePeak);
    }

    private static double weightedUnmet(ScheduleProblem problem, Schedule schedule) {
        double sum = 0;
        for (int v = 0; v < problem.vehicles().size(); v++) {
            sum += problem.vehicles().get(v).priority()
                    * schedule.vehicles().get(v).unmetKwh();
        }
        return sum;
    }
}
