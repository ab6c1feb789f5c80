package io.depotops.core.application.plan;

import io.depotops.core.application.InvalidInputException;
import io.depotops.core.application.ListQuery;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.port.BlockRepository;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.application.port.TenantRepository;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.application.port.VehicleStateReader;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.DepartureReadiness;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.Vehicle;
import io.depotops.core.domain.VehicleBlock;
import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.core.domain.plan.ChargingPlan.SkippedVehicle;
import io.depotops.core.domain.plan.ChargingProblem;
import io.depotops.core.domain.plan.ChargingProblem.Circuit;
import io.depotops.core.domain.plan.ChargingProblem.PlannedCharger;
import io.depotops.core.domain.plan.ChargingProblem.PlannedVehicle;
import io.depotops.core.domain.plan.PlanningInputs;
import io.depotops.core.domain.plan.Tariff;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * core's charging planner (issue 10): gathers a depot's problem from core's domain, has the
 * optimiser solve it and keeps the plan. The remote call runs outside any transaction; a failed call
 * leaves the previous plan in place.
 */
@ApplicationScoped
public class ChargingPlanner {

    /** Slots of the plan; schedule-creator's default. */
    static final int SLOT_MINUTES = 15;

    /** How far ahead the planner looks: the next day's departures. */
    static final Duration HORIZON = Duration.ofHours(24);

    private final DepotRepository depots;
    private final SiteRepository sites;
    private final ChargerRepository chargers;
    private final VehicleRepository vehicles;
    private final BlockRepository blocks;
    private final VehicleStateReader vehicleState;
    private final TariffRepository tariffs;
    private final PlanRepository plans;
    private final ChargingOptimiser optimiser;
    private final PlanInputsRepository inputs;

    ChargingPlanner(
            DepotRepository depots,
            SiteRepository sites,
            ChargerRepository chargers,
            VehicleRepository vehicles,
            BlockRepository blocks,
            VehicleStateReader vehicleState,
            TariffRepository tariffs,
            PlanRepository plans,
            ChargingOptimiser optimiser,
            PlanInputsRepository inputs) {
        this.depots = depots;
        this.sites = sites;
        this.chargers = chargers;
        this.vehicles = vehicles;
        this.blocks = blocks;
        this.vehicleState = vehicleState;
        this.tariffs = tariffs;
        this.plans = plans;
        this.optimiser = optimiser;
        this.inputs = inputs;
    }

    /** Plans the depot afresh and keeps the plan as its next version. */
    public ChargingPlan plan(UUID workspaceId, UUID depotId, Instant now) {
        Depot depot = depot(workspaceId, depotId);
        List<SkippedVehicle> skipped = new ArrayList<>();
        ChargingProblem problem = problem(depot, now, skipped);
        PlanningInputs madeFrom = inputs(depot, problem, skipped);
        ChargingPlan solved = optimiser.solve(depotId, problem);
        long next = plans.find(workspaceId, depotId).map(p -> p.version() + 1).orElse(1L);
        ChargingPlan plan = new ChargingPlan(
                depotId,
                workspaceId,
                next,
                solved.createdAt(),
                solved.expiresAt(),
                solved.slotStarts(),
                solved.vehicles(),
                skipped,
                solved.peakKw(),
                solved.totalCost(),
                solved.unmetKwh(),
                solved.solver());
        plans.save(plan);
        inputs.save(workspaceId, depotId, madeFrom, now);
        return plan;
    }

    /**
     * What a plan of the depot would be made from now; empty when there is nothing to plan (no
     * vehicle or no charger), which calls for no new plan.
     */
    public Optional<PlanningInputs> inputsNow(UUID workspaceId, UUID depotId, Instant now) {
        Depot depot = depot(workspaceId, depotId);
        List<SkippedVehicle> skipped = new ArrayList<>();
        ChargingProblem problem;
        try {
            problem = problem(depot, now, skipped);
        } catch (InvalidInputException nothingToPlan) {
            return Optional.empty();
        }
        return Optional.of(inputs(depot, problem, skipped));
    }

    private PlanningInputs inputs(Depot depot, ChargingProblem problem, List<SkippedVehicle> skipped) {
        Set<String> tariffVersions = new TreeSet<>();
        for (ChargingProblem.Circuit circuit : problem.circuits()) {
            tariffs.find(depot.workspaceId(), circuit.siteId())
                    .ifPresent(t -> tariffVersions.add(t.siteId() + "@" + t.version()));
        }
        Set<UUID> left = new TreeSet<>();
        skipped.forEach(s -> left.add(s.vehicleId()));
        return PlanningInputs.of(problem, left, tariffVersions, inputs.pluggedIn(depot.workspaceId(), depot.id()));
    }

    /** The depot's plan, expired or not (the view says which). */
    public ChargingPlan current(UUID workspaceId, UUID depotId) {
        depot(workspaceId, depotId);
        return plans.find(workspaceId, depotId).orElseThrow(() -> new NotFoundException("plan of depot", depotId));
    }

    private Depot depot(UUID workspaceId, UUID depotId) {
        return depots.find(workspaceId, depotId).orElseThrow(() -> new NotFoundException("depot", depotId));
    }

    ChargingProblem problem(Depot depot, Instant now, List<SkippedVehicle> skipped) {
        UUID workspaceId = depot.workspaceId();
        Instant start = Instant.ofEpochSecond(now.getEpochSecond() / (SLOT_MINUTES * 60L) * (SLOT_MINUTES * 60L));
        Instant limit = start.plus(HORIZON);

        Map<UUID, VehicleBlock> nextBlock = new HashMap<>();
        Map<UUID, Instant> nextDeparture = new HashMap<>();
        for (VehicleBlock block : blocks.ofDepot(workspaceId, depot.id())) {
            if (block.vehicleId() == null) {
                continue;
            }
            Instant departs = block.nextDeparture(now, depot.timeZone());
            if (departs == null || !departs.isAfter(now) || departs.isAfter(limit)) {
                continue;
            }
            Instant known = nextDeparture.get(block.vehicleId());
            if (known == null || departs.isBefore(known)) {
                nextDeparture.put(block.vehicleId(), departs);
                nextBlock.put(block.vehicleId(), block);
            }
        }
        List<PlannedVehicle> planned = new ArrayList<>();
        Instant end = start.plus(Duration.ofMinutes(SLOT_MINUTES));
        for (var entry : nextBlock.entrySet()) {
            Vehicle vehicle = vehicles.find(workspaceId, entry.getKey()).orElseThrow();
            Instant departs = nextDeparture.get(vehicle.id());
            Optional<PlannedVehicle> one = plannedVehicle(vehicle, entry.getValue(), start, departs, now, skipped);
            if (one.isPresent()) {
                planned.add(one.get());
                end = departs.isAfter(end) ? departs : end;
            }
        }
        if (planned.isEmpty()) {
            throw new InvalidInputException(
                    "depotId",
                    "the depot has no vehicle to plan: none with an assigned block departing in the next "
                            + HORIZON.toHours() + " h and a reported state of charge" + reasons(skipped));
        }
        long slotSeconds = SLOT_MINUTES * 60L;
        long span = Duration.between(start, end).toSeconds();
        end = start.plusSeconds((span + slotSeconds - 1) / slotSeconds * slotSeconds);

        List<Site> depotSites =
                all(sites, workspaceId, Map.of("depotId", depot.id().toString()), "name");
        List<PlannedCharger> plannedChargers = new ArrayList<>();
        List<Circuit> circuits = new ArrayList<>();
        double siteLimit = 0;
        Tariff tariff = null;
        for (Site site : depotSites) {
            circuits.add(new Circuit(site.id(), site.gridCapacityKw().doubleValue()));
            siteLimit += site.gridCapacityKw().doubleValue();
            if (tariff == null) {
                tariff = tariffs.find(workspaceId, site.id()).orElse(null);
            }
            for (Charger charger :
                    all(chargers, workspaceId, Map.of("siteId", site.id().toString()), "chargePointId")) {
                double power = charger.maxPowerKw() != null
                        ? charger.maxPowerKw().doubleValue()
                        : charger.connectors().stream()
                                .map(c -> c.maxPowerKw())
                                .filter(p -> p != null)
                                .mapToDouble(BigDecimal::doubleValue)
                                .max()
                                .orElse(0);
                if (power > 0) {
                    plannedChargers.add(new PlannedCharger(
                            charger.id(),
                            power,
                            Math.max(1, charger.connectors().size()),
                            site.id()));
                }
            }
        }
        if (plannedChargers.isEmpty()) {
            throw new InvalidInputException(
                    "depotId", "the depot's sites have no charger with a known maximum power to plan on");
        }
        List<Double> prices = new ArrayList<>();
        for (Instant slot = start; slot.isBefore(end); slot = slot.plusSeconds(slotSeconds)) {
            prices.add(
                    tariff == null
                            ? 0.0
                            : tariff.priceAt(slot, depot.timeZone()).doubleValue());
        }
        return new ChargingProblem(
                workspaceId,
                start,
                end,
                SLOT_MINUTES,
                planned,
                plannedChargers,
                circuits,
                siteLimit,
                prices,
                tariff == null ? 0.0 : tariff.demandChargePerKw().doubleValue());
    }

    /**
     * The vehicle's target is the state of charge readiness requires (the block's energy plus the
     * reserve); vehicles whose need or state of charge is unknown are skipped with the reason.
     */
    private Optional<PlannedVehicle> plannedVehicle(
            Vehicle vehicle,
            VehicleBlock block,
            Instant start,
            Instant departs,
            Instant now,
            List<SkippedVehicle> skipped) {
        BigDecimal soc = vehicleState
                .stateOfCharge(vehicle.id())
                .map(VehicleStateReader.StateOfCharge::percent)
                .orElse(null);
        DepartureReadiness need = DepartureReadiness.assess(block, vehicle, soc, departs, now);
        if (need.requiredSocPercent() == null || need.currentSocPercent() == null) {
            skipped.add(new SkippedVehicle(vehicle.id(), need.reason()));
            return Optional.empty();
        }
        BigDecimal maxKw = max(vehicle.maxAcKw(), vehicle.maxDcKw());
        if (maxKw == null) {
            skipped.add(new SkippedVehicle(vehicle.id(), "the vehicle has no maximum charge power (maxAcKw, maxDcKw)"));
            return Optional.empty();
        }
        return Optional.of(new PlannedVehicle(
                vehicle.id(),
                start,
                departs,
                vehicle.batteryKwh().doubleValue(),
                need.currentSocPercent().doubleValue() / 100,
                need.requiredSocPercent().doubleValue() / 100,
                maxKw.doubleValue()));
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.max(b);
    }

    private static String reasons(List<SkippedVehicle> skipped) {
        return skipped.isEmpty()
                ? ""
                : "; skipped: "
                        + String.join(
                                ", ",
                                skipped.stream()
                                        .map(s -> s.vehicleId() + " (" + s.reason() + ")")
                                        .toList());
    }

    private static <T> List<T> all(
            TenantRepository<T> repository, UUID workspaceId, Map<String, String> filters, String sort) {
        ListQuery query = new ListQuery(filters, sort, null, ListQuery.MAX_LIMIT);
        List<T> result = new ArrayList<>();
        Page<T> page = repository.list(workspaceId, query);
        while (true) {
            result.addAll(page.items());
            if (page.nextCursor() == null) {
                return result;
            }
            page = repository.list(workspaceId, new ListQuery(filters, sort, page.nextCursor(), ListQuery.MAX_LIMIT));
        }
    }
}
