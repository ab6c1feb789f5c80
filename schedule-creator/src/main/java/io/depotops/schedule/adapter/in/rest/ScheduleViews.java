package io.depotops.schedule.adapter.in.rest;

import io.depotops.contracts.schedule.ReplanRequestV1;
import io.depotops.contracts.schedule.ScheduleV1;
import io.depotops.contracts.schedule.ScheduleV1.CostV1;
import io.depotops.contracts.schedule.ScheduleV1.LimitV1;
import io.depotops.contracts.schedule.ScheduleV1.SolverV1;
import io.depotops.contracts.schedule.ScheduleV1.VehicleScheduleV1;
import io.depotops.schedule.application.InvalidInputException;
import io.depotops.schedule.application.InvalidInputException.FieldProblem;
import io.depotops.schedule.application.plan.Plan;
import io.depotops.schedule.application.plan.PlanChanges;
import io.depotops.schedule.domain.problem.Charger;
import io.depotops.schedule.domain.problem.Horizon;
import io.depotops.schedule.domain.schedule.Schedule;
import io.depotops.schedule.domain.schedule.SolverReport;
import io.depotops.schedule.domain.schedule.VehiclePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps plans to the wire and re-plan requests from it. */
final class ScheduleViews {

    private static final double MAX_LIMIT_KW = ProblemReader.MAX_POWER_KW * 100;

    private ScheduleViews() {}

    static ScheduleV1 of(Plan plan) {
        Schedule schedule = plan.schedule();
        Horizon horizon = plan.problem().horizon();
        List<Instant> starts = new ArrayList<>(horizon.slots());
        for (int t = 0; t < horizon.slots(); t++) {
            starts.add(horizon.slotStart(t));
        }
        List<VehicleScheduleV1> vehicles = new ArrayList<>();
        for (VehiclePlan vehicle : schedule.vehicles()) {
            vehicles.add(new VehicleScheduleV1(
                    vehicle.vehicleId(),
                    vehicle.connector() == null ? null : vehicle.connector().chargerId(),
                    vehicle.connector() == null ? null : vehicle.connector().connector(),
                    rounded(vehicle.powerKw()),
                    round(vehicle.energyKwh()),
                    vehicle.socAtDeparture() == null ? null : Math.round(vehicle.socAtDeparture() * 1e6) / 1e6,
                    round(vehicle.unmetKwh()),
                    vehicle.limitedBy().stream()
                            .map(b -> new LimitV1(b.limit().name(), b.ref()))
                            .toList()));
        }
        SolverReport report = schedule.solver();
        return new ScheduleV1(
                plan.id(),
                plan.version(),
                plan.expiresAt(),
                starts,
                vehicles,
                rounded(schedule.siteLoadKw()),
                round(schedule.peakKw()),
                new CostV1(
                        round(schedule.cost().energy()),
                        round(schedule.cost().exportCredit()),
                        round(schedule.cost().demandCharge()),
                        round(schedule.cost().total())),
                round(schedule.unmetKwh()),
                new SolverV1(
                        ProblemReader.wire(report.algorithm()),
                        report.status().name(),
                        report.gap(),
                        report.solveMillis(),
                        report.timeLimitReached(),
                        report.degraded(),
                        report.note()));
    }

    static PlanChanges changes(ReplanRequestV1 request, Plan plan) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.basedOnVersion() == null) {
            problems.add(new FieldProblem("basedOnVersion", "is required: the version the changes apply to"));
        }
        Map<String, Instant> departures = orEmpty(request.departures());
        departures.forEach((id, at) -> {
            if (at == null) {
                problems.add(new FieldProblem("departures." + id, "must be an instant"));
            }
        });
        Map<String, Double> socs = orEmpty(request.socUpdates());
        socs.forEach((id, soc) -> {
            if (soc == null || !(soc >= 0 && soc <= 1)) {
                problems.add(new FieldProblem("socUpdates." + id, "must be 0 to 1"));
            }
        });
        Map<String, Double> energies = orEmpty(request.energyUpdates());
        energies.forEach((id, kwh) -> {
            if (kwh == null || !(kwh >= 0 && kwh <= ProblemReader.MAX_ENERGY_KWH)) {
                problems.add(new FieldProblem("energyUpdates." + id, "must be at least 0"));
            }
        });
        if (request.siteLimitKw() != null
                && (!(request.siteLimitKw() >= 0) || request.siteLimitKw().isInfinite())) {
            problems.add(new FieldProblem("siteLimitKw", "must be at least 0"));
        }
        Map<String, Double> circuits = orEmpty(request.circuitLimitsKw());
        circuits.forEach((id, kw) -> {
            if (kw == null || !(kw >= 0 && kw <= MAX_LIMIT_KW)) {
                problems.add(new FieldProblem("circuitLimitsKw." + id, "must be at least 0"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> chargerIds = new HashSet<>();
        for (Charger charger : plan.problem().chargers()) {
            chargerIds.add(charger.id());
        }
        return new PlanChanges(
                request.at(),
                request.arrivals() == null ? List.of() : ProblemReader.arrivals(request.arrivals(), chargerIds),
                departures,
                socs,
                energies,
                request.siteLimitKw(),
                circuits,
                ProblemReader.timeLimit(request.timeLimitMillis(), "timeLimitMillis"));
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }

    private static List<Double> rounded(double[] values) {
        return Arrays.stream(values).map(ScheduleViews::round).boxed().toList();
    }

    // Watts and watt-hours are precision enough; the solver's round-off below is noise.
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
