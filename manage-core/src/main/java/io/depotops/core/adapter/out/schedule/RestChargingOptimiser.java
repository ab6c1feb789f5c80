package io.depotops.core.adapter.out.schedule;

import io.depotops.contracts.schedule.ScheduleAlgorithmV1;
import io.depotops.contracts.schedule.ScheduleRequestV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.ChargerV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.CircuitV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.HorizonV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.OptionsV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.TariffV1;
import io.depotops.contracts.schedule.ScheduleRequestV1.VehicleV1;
import io.depotops.contracts.schedule.ScheduleV1;
import io.depotops.contracts.schedule.ScheduleV1.LimitV1;
import io.depotops.core.application.plan.ChargingOptimiser;
import io.depotops.core.application.plan.OptimiserUnavailableException;
import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.core.domain.plan.ChargingPlan.VehiclePlan;
import io.depotops.core.domain.plan.ChargingProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The optimiser behind schedule-creator's REST API: core's problem to the contract and back. */
@ApplicationScoped
class RestChargingOptimiser implements ChargingOptimiser {

    private final ScheduleCreatorClient client;

    RestChargingOptimiser(@RestClient ScheduleCreatorClient client) {
        this.client = client;
    }

    @Override
    public ChargingPlan solve(UUID depotId, ChargingProblem problem) {
        ScheduleV1 schedule;
        try {
            schedule = client.create(request(problem));
        } catch (WebApplicationException e) {
            throw new OptimiserUnavailableException(
                    "schedule-creator refused the depot's problem (HTTP "
                            + e.getResponse().getStatus() + ")",
                    e);
        } catch (ProcessingException e) {
            throw new OptimiserUnavailableException("schedule-creator cannot be reached", e);
        }
        if (schedule == null) {
            throw new OptimiserUnavailableException("schedule-creator answered without a schedule", null);
        }
        try {
            return plan(depotId, problem, schedule);
        } catch (RuntimeException e) {
            // missing lists, ids that are not core's: not a plan core can keep
            throw new OptimiserUnavailableException("schedule-creator answered a schedule core cannot read", e);
        }
    }

    static ScheduleRequestV1 request(ChargingProblem problem) {
        List<VehicleV1> vehicles = problem.vehicles().stream()
                .map(v -> new VehicleV1(
                        v.vehicleId().toString(),
                        v.arrival(),
                        v.departure(),
                        null,
                        v.targetSoc(),
                        v.batteryKwh(),
                        v.currentSoc(),
                        v.maxPowerKw(),
                        null,
                        null,
                        null))
                .toList();
        List<ChargerV1> chargers = problem.chargers().stream()
                .map(c -> new ChargerV1(
                        c.chargerId().toString(),
                        c.maxPowerKw(),
                        c.connectors(),
                        c.siteId().toString()))
                .toList();
        List<CircuitV1> circuits = problem.circuits().stream()
                .map(c -> new CircuitV1(c.siteId().toString(), List.of(c.limitKw())))
                .toList();
        return new ScheduleRequestV1(
                problem.workspaceId(),
                new HorizonV1(problem.start(), problem.end(), problem.slotMinutes(), null),
                vehicles,
                chargers,
                List.of(problem.siteLimitKw()),
                List.of(0.0),
                circuits,
                new TariffV1(problem.energyPricePerKwh(), problem.demandChargePerKw(), null),
                new OptionsV1(ScheduleAlgorithmV1.OPTIMISER, null, true));
    }

    static ChargingPlan plan(UUID depotId, ChargingProblem problem, ScheduleV1 schedule) {
        Map<String, Instant> departures = problem.vehicles().stream()
                .collect(Collectors.toMap(v -> v.vehicleId().toString(), ChargingProblem.PlannedVehicle::departure));
        List<VehiclePlan> vehicles = schedule.vehicles().stream()
                .map(v -> new VehiclePlan(
                        UUID.fromString(v.vehicleId()),
                        v.chargerId() == null ? null : UUID.fromString(v.chargerId()),
                        v.connector(),
                        departures.get(v.vehicleId()),
                        v.powerKw(),
                        v.energyKwh(),
                        v.socAtDeparture() == null ? null : v.socAtDeparture() * 100,
                        v.unmetKwh(),
                        v.limitedBy() == null
                                ? List.of()
                                : v.limitedBy().stream()
                                        .map(RestChargingOptimiser::limit)
                                        .toList()))
                .toList();
        Instant made = Instant.now();
        Instant expires = schedule.expiresAt() != null ? schedule.expiresAt() : problem.end();
        return new ChargingPlan(
                depotId,
                problem.workspaceId(),
                0,
                made,
                expires,
                schedule.slotStarts(),
                vehicles,
                List.of(),
                schedule.peakKw(),
                schedule.cost() == null ? 0 : schedule.cost().total(),
                schedule.unmetKwh(),
                schedule.solver() == null
                        ? new ChargingPlan.Solver("UNKNOWN", "UNKNOWN", false, false)
                        : new ChargingPlan.Solver(
                                schedule.solver().algorithm() == null
                                        ? "UNKNOWN"
                                        : schedule.solver().algorithm().name(),
                                schedule.solver().status() == null
                                        ? "UNKNOWN"
                                        : schedule.solver().status(),
                                schedule.solver().timeLimitReached(),
                                schedule.solver().degraded()));
    }

    private static String limit(LimitV1 limit) {
        return limit.ref() == null ? limit.limit() : limit.limit() + ":" + limit.ref();
    }
}
