package io.depotops.schedule.adapter.out.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.depotops.schedule.application.plan.ScheduleSolver;
import io.depotops.schedule.application.plan.SolveOptions;
import io.depotops.schedule.domain.Depots;
import io.depotops.schedule.domain.Invariants;
import io.depotops.schedule.domain.problem.ChargeCurve;
import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Circuit;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.problem.Tariff;
import io.depotops.schedule.domain.problem.VehicleDemand;
import io.depotops.schedule.domain.schedule.Algorithm;
import io.depotops.schedule.domain.schedule.Limit;
import io.depotops.schedule.domain.schedule.LimitBinding;
import io.depotops.schedule.domain.schedule.Schedule;
import io.depotops.schedule.domain.schedule.SolveStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The optimiser on hand-checked cases, on limits that cannot all be met, and on its time limit. */
class GlopOptimiserTest {

    private static final Instant T0 = Depots.MIDNIGHT;
    private static final ScheduleSolver SOLVER = new ScheduleSolver(new GlopOptimiser("GLOP"));
    private static final SolveOptions OPTIMAL = new SolveOptions(Algorithm.OPTIMISER, Duration.ofSeconds(10), true);

    @Test
    void chargesInTheCheapestSlots() {
        ScheduleProblem problem = problem(
                4,
                List.of(vehicle("A", 0, 4, 20, 10)),
                100,
                new Tariff(new double[] {0.3, 0.1, 0.1, 0.3}, 0, zeros(4)));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        assertThat(schedule.vehicles().get(0).powerKw()).containsExactly(new double[] {0, 10, 10, 0}, within(1e-4));
        assertThat(schedule.cost().total()).isCloseTo(2.0, within(1e-4));
        assertThat(schedule.solver().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(schedule.solver().gap()).isZero();
        Invariants.check(problem, schedule);
    }

    @Test
    void theDemandChargeFlattensThePeak() {
        double[] price = new double[4];
        Arrays.fill(price, 0.1);
        ScheduleProblem problem =
                problem(4, List.of(vehicle("A", 0, 4, 20, 20)), 100, new Tariff(price, 1.0, zeros(4)));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        assertThat(schedule.vehicles().get(0).powerKw()).containsOnly(new double[] {5, 5, 5, 5}, within(1e-4));
        assertThat(schedule.peakKw()).isCloseTo(5, within(1e-4));
        assertThat(schedule.cost().total()).isCloseTo(2.0 + 5.0, within(1e-4));
    }

    @Test
    void aScarceSiteServesTheHigherPriorityAndNamesTheLimitForTheOther() {
        VehicleDemand low =
                new VehicleDemand("low", T0, T0.plus(Duration.ofHours(2)), 20, null, null, 10, null, Set.of(), 1);
        VehicleDemand high =
                new VehicleDemand("high", T0, T0.plus(Duration.ofHours(2)), 20, null, null, 10, null, Set.of(), 5);
        ScheduleProblem problem = problem(2, List.of(low, high), 10, Tariff.free(2));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        assertThat(schedule.vehicles().get(1).unmetKwh()).isZero();
        assertThat(schedule.vehicles().get(0).unmetKwh()).isCloseTo(20, within(1e-3));
        assertThat(schedule.vehicles().get(0).limitedBy()).containsExactly(new LimitBinding(Limit.SITE_LIMIT, null));
        assertThat(schedule.unmetKwh()).isCloseTo(20, within(1e-3));
        Invariants.check(problem, schedule);
    }

    @Test
    void moreThanTheStayAllowsIsAnsweredWithTheBestScheduleAndItsReason() {
        ScheduleProblem problem = problem(4, List.of(vehicle("A", 1, 3, 50, 10)), 100, Tariff.free(4));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        assertThat(schedule.vehicles().get(0).powerKw()).containsExactly(new double[] {0, 10, 10, 0}, within(1e-4));
        assertThat(schedule.vehicles().get(0).unmetKwh()).isCloseTo(30, within(1e-3));
        assertThat(schedule.vehicles().get(0).limitedBy())
                .containsExactly(new LimitBinding(Limit.STAY_AND_VEHICLE_POWER, null));
    }

    @Test
    void aCircuitLimitBindsAndIsNamed() {
        List<Charger> chargers = List.of(new Charger("C0", 50, 1, "K"), new Charger("C1", 50, 1, "K"));
        double[] limit = {15, 15};
        ScheduleProblem problem = new ScheduleProblem(
                Horizon.uniform(T0, Duration.ofHours(1), 2),
                List.of(vehicle("A", 0, 2, 20, 10), vehicle("B", 0, 2, 20, 10)),
                chargers,
                new double[] {100, 100},
                zeros(2),
                List.of(new Circuit("K", limit)),
                Tariff.free(2));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        assertThat(schedule.unmetKwh()).isCloseTo(10, within(1e-3));
        assertThat(schedule.vehicles().stream().flatMap(v -> v.limitedBy().stream()))
                .contains(new LimitBinding(Limit.CIRCUIT_LIMIT, "K"));
        Invariants.check(problem, schedule);
    }

    @Test
    void theChargeCurveTapersThePowerAboveItsStateOfCharge() {
        // 100 kWh battery at 70 %, wants 100 %, 50 kW, tapering above 80 %: one hour cannot fill it.
        VehicleDemand bus = new VehicleDemand(
                "bus", T0, T0.plus(Duration.ofHours(1)), 30, 100.0, 0.7, 50, new ChargeCurve(0.8), Set.of(), 1);
        ScheduleProblem problem = new ScheduleProblem(
                Horizon.uniform(T0, Duration.ofMinutes(15), 4),
                List.of(bus),
                List.of(new Charger("C0", 150, 1, null)),
                new double[] {500, 500, 500, 500},
                zeros(4),
                List.of(),
                Tariff.free(4));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        Invariants.check(problem, schedule);
        // Charging at the curve's bound in every slot gets the most energy (the taper is monotone here).
        Schedule greedy =
                SOLVER.solve(problem, new SolveOptions(Algorithm.LEAST_LAXITY_FIRST, Duration.ZERO, true), Map.of());
        assertThat(schedule.vehicles().get(0).energyKwh())
                .isCloseTo(greedy.vehicles().get(0).energyKwh(), within(1e-3));
        assertThat(schedule.vehicles().get(0).powerKw()[3]).isLessThan(50);
        assertThat(schedule.vehicles().get(0).unmetKwh()).isPositive();
        assertThat(schedule.vehicles().get(0).limitedBy()).contains(new LimitBinding(Limit.CHARGE_CURVE, null));
        assertThat(schedule.vehicles().get(0).socAtDeparture()).isBetween(0.8, 1.0);
    }

    @Test
    void theCurveHoldsFromTheSlotTheTaperCanBeReachedOnAfterALongFullPowerStart() {
        // 100 kWh at 10 %, 50 kW, tapering above 80 %: the first 70 kWh take 84 minutes at full
        // power, so the curve's rows start in the sixth slot and must carry all that went before.
        VehicleDemand van = new VehicleDemand(
                "van", T0, T0.plus(Duration.ofHours(2)), 90, 100.0, 0.1, 50, new ChargeCurve(0.8), Set.of(), 1);
        ScheduleProblem problem = new ScheduleProblem(
                Horizon.uniform(T0, Duration.ofMinutes(15), 8),
                List.of(van),
                List.of(new Charger("C0", 150, 1, null)),
                new double[] {500, 500, 500, 500, 500, 500, 500, 500},
                zeros(8),
                List.of(),
                Tariff.free(8));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());
        Schedule greedy =
                SOLVER.solve(problem, new SolveOptions(Algorithm.LEAST_LAXITY_FIRST, Duration.ZERO, true), Map.of());

        Invariants.check(problem, schedule);
        assertThat(schedule.solver().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(schedule.vehicles().get(0).energyKwh())
                .isCloseTo(greedy.vehicles().get(0).energyKwh(), within(1e-3));
        assertThat(schedule.vehicles().get(0).powerKw()[7]).isLessThan(50);
        assertThat(schedule.vehicles().get(0).unmetKwh()).isPositive();
    }

    @Test
    void aBusDepotWithLargeBatteriesIsSolvedNotHandedToTheHeuristic() {
        // GLOP's default scaling ended ABNORMAL on this depot (150 kW, 400 kWh); the optimiser now
        // solves it again scaled for the whole programme.
        ScheduleProblem problem = Depots.night(40, 3, 0.35, true, 44);
        Schedule optimal =
                SOLVER.solve(problem, new SolveOptions(Algorithm.OPTIMISER, Duration.ofSeconds(30), true), Map.of());
        Schedule baseline =
                SOLVER.solve(problem, new SolveOptions(Algorithm.LEAST_LAXITY_FIRST, Duration.ZERO, true), Map.of());

        Invariants.check(problem, optimal);
        assertThat(optimal.solver().status()).as(optimal.solver().toString()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(optimal.solver().degraded()).isFalse();
        assertThat(weightedUnmet(problem, optimal)).isLessThanOrEqualTo(weightedUnmet(problem, baseline) + 1e-3);
        assertThat(optimal.cost().total()).isLessThan(baseline.cost().total());
    }

    @Test
    void aVehicleWithoutAFreeConnectorIsListedNotRefused() {
        ScheduleProblem problem = new ScheduleProblem(
                Horizon.uniform(T0, Duration.ofHours(1), 2),
                List.of(vehicle("A", 0, 2, 10, 10), vehicle("B", 0, 2, 10, 10)),
                List.of(new Charger("C0", 50, 1, null)),
                new double[] {100, 100},
                zeros(2),
                List.of(),
                Tariff.free(2));
        Schedule schedule = SOLVER.solve(problem, OPTIMAL, Map.of());

        assertThat(schedule.vehicles().get(1).connector()).isNull();
        assertThat(schedule.vehicles().get(1).limitedBy())
                .containsExactly(new LimitBinding(Limit.NO_FREE_CONNECTOR, null));
        Invariants.check(problem, schedule);
    }

    @Test
    void aGeneratedDepotHoldsEveryInvariantAndNeedsNoMoreUnmetEnergyThanTheHeuristics() {
        ScheduleProblem problem = Depots.night(60, 3, 0.35, false, 7);
        Schedule optimal = SOLVER.solve(problem, OPTIMAL, Map.of());
        Invariants.check(problem, optimal);
        assertThat(optimal.solver().status()).isEqualTo(SolveStatus.OPTIMAL);
        for (Algorithm heuristic : List.of(Algorithm.LEAST_LAXITY_FIRST, Algorithm.EARLIEST_DEADLINE_FIRST)) {
            Schedule baseline = SOLVER.solve(problem, new SolveOptions(heuristic, Duration.ZERO, true), Map.of());
            Invariants.check(problem, baseline);
            assertThat(weightedUnmet(problem, optimal)).isLessThanOrEqualTo(weightedUnmet(problem, baseline) + 1e-3);
            if (Math.abs(weightedUnmet(problem, optimal) - weightedUnmet(problem, baseline)) < 1e-3) {
                assertThat(optimal.cost().total())
                        .isLessThanOrEqualTo(baseline.cost().total() + 1e-3);
            }
        }
    }

    @Test
    void aTimeLimitTooShortStillAnswersAValidScheduleFlagged() {
        ScheduleProblem problem = Depots.night(300, 3, 0.3, false, 11);
        Schedule schedule =
                SOLVER.solve(problem, new SolveOptions(Algorithm.OPTIMISER, Duration.ofMillis(1), true), Map.of());

        assertThat(schedule.solver().timeLimitReached())
                .as(schedule.solver().toString())
                .isTrue();
        assertThat(schedule.solver().status()).isEqualTo(SolveStatus.HEURISTIC);
        assertThat(schedule.solver().algorithm()).isEqualTo(Algorithm.LEAST_LAXITY_FIRST);
        Invariants.check(problem, schedule);
    }

    private static double weightedUnmet(ScheduleProblem problem, Schedule schedule) {
        double sum = 0;
        for (int v = 0; v < problem.vehicles().size(); v++) {
            sum += problem.vehicles().get(v).priority()
                    * schedule.vehicles().get(v).unmetKwh();
        }
        return sum;
    }

    static VehicleDemand vehicle(String id, int arrivalHour, int departureHour, double kwh, double kw) {
        return new VehicleDemand(
                id,
                T0.plus(Duration.ofHours(arrivalHour)),
                T0.plus(Duration.ofHours(departureHour)),
                kwh,
                null,
                null,
                kw,
                null,
                Set.of(),
                1);
    }

    static ScheduleProblem problem(int hours, List<VehicleDemand> vehicles, double siteKw, Tariff tariff) {
        double[] site = new double[hours];
        Arrays.fill(site, siteKw);
        List<Charger> chargers = vehicles.stream()
                .map(v -> new Charger("C-" + v.id(), 100, 1, null))
                .toList();
        return new ScheduleProblem(
                Horizon.uniform(T0, Duration.ofHours(1), hours),
                vehicles,
                chargers,
                site,
                zeros(hours),
                List.of(),
                tariff);
    }

    static double[] zeros(int n) {
        return new double[n];
    }
}
