package io.depotops.core.application;

import io.depotops.core.application.plan.PlanRepository;
import io.depotops.core.application.port.BlockRepository;
import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.PriorityRepository;
import io.depotops.core.application.port.PriorityRepository.Target;
import io.depotops.core.application.port.ResourceGroupRepository;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.application.port.VehicleStateReader;
import io.depotops.core.domain.DepartureReadiness;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.EffectivePriority;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.Vehicle;
import io.depotops.core.domain.VehicleBlock;
import io.depotops.core.domain.VehicleBlock.Recurrence;
import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.core.domain.plan.ChargingPlan.VehiclePlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Vehicle blocks, their assignment to vehicles, and whether each vehicle will be ready. */
@ApplicationScoped
public class DispatchService {

    /** What a client may set on a block; {@code vehicleId} assigns it (null: unassigned). */
    public record BlockDraft(
            UUID depotId,
            String name,
            Instant departureAt,
            Instant returnAt,
            BigDecimal requiredEnergyKwh,
            BigDecimal requiredDistanceKm,
            String recurrence,
            UUID vehicleId) {}

    private final BlockRepository blocks;
    private final DepotRepository depots;
    private final VehicleRepository vehicles;
    private final VehicleStateReader vehicleState;
    private final PriorityRepository priorities;
    private final ResourceGroupRepository groups;
    private final PlanRepository plans;

    DispatchService(
            BlockRepository blocks,
            DepotRepository depots,
            VehicleRepository vehicles,
            VehicleStateReader vehicleState,
            PriorityRepository priorities,
            ResourceGroupRepository groups,
            PlanRepository plans) {
        this.blocks = blocks;
        this.depots = depots;
        this.vehicles = vehicles;
        this.vehicleState = vehicleState;
        this.priorities = priorities;
        this.groups = groups;
        this.plans = plans;
    }

    /**
     * The charging order of a depot's vehicles: explicit vehicle level, else the best level of its
     * groups, else its next departure (see {@link EffectivePriority}).
     */
    public List<EffectivePriority> priorities(UUID workspaceId, UUID depotId, Instant now) {
        Depot depot = depots.find(workspaceId, depotId).orElseThrow(() -> new NotFoundException("depot", depotId));
        Map<UUID, Integer> vehicleLevels = priorities.levels(workspaceId, Target.VEHICLE);
        Map<UUID, Integer> groupLevels = priorities.levels(workspaceId, Target.GROUP);
        Map<UUID, Set<UUID>> groupsOf = groups.groupsOfVehicles(workspaceId);
        Map<UUID, Instant> nextDeparture = new HashMap<>();
        for (VehicleBlock block : blocks.ofDepot(workspaceId, depotId)) {
            if (block.vehicleId() != null) {
                nextDeparture.merge(
                        block.vehicleId(), block.nextDeparture(now, depot.timeZone()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        ListQuery all = new ListQuery(Map.of("depotId", depotId.toString()), "fleetNumber", null, ListQuery.MAX_LIMIT);
        List<EffectivePriority> result = new ArrayList<>();
        Page<Vehicle> page = vehicles.list(workspaceId, all);
        while (true) {
            for (Vehicle vehicle : page.items()) {
                Optional<Integer> groupLevel = groupsOf.getOrDefault(vehicle.id(), Set.of()).stream()
                        .map(groupLevels::get)
                        .filter(Objects::nonNull)
                        .min(Integer::compare);
                result.add(priorityOf(
                        vehicle, vehicleLevels.get(vehicle.id()), groupLevel, nextDeparture.get(vehicle.id())));
            }
            if (page.nextCursor() == null) {
                break;
            }
            page = vehicles.list(workspaceId, new ListQuery(all.filters(), all.sort(), page.nextCursor(), all.limit()));
        }
        result.sort(EffectivePriority.ORDER);
        return result;
    }

    private static EffectivePriority priorityOf(
            Vehicle vehicle, Integer own, Optional<Integer> fromGroups, Instant departs) {
        if (own != null) {
            return new EffectivePriority(
                    vehicle.id(), vehicle.fleetNumber(), own, EffectivePriority.Source.VEHICLE, departs);
        }
        if (fromGroups.isPresent()) {
            return new EffectivePriority(
                    vehicle.id(), vehicle.fleetNumber(), fromGroups.get(), EffectivePriority.Source.GROUP, departs);
        }
        return new EffectivePriority(
                vehicle.id(),
                vehicle.fleetNumber(),
                null,
                departs != null ? EffectivePriority.Source.DEPARTURE : EffectivePriority.Source.NONE,
                departs);
    }

    @Transactional
    public VehicleBlock create(UUID workspaceId, BlockDraft draft) {
        VehicleBlock block = toBlock(UUID.randomUUID(), workspaceId, draft, Instant.now(), 0);
        checkAssignment(block);
        return blocks.insert(block);
    }

    @Transactional
    public VehicleBlock update(UUID workspaceId, UUID id, long expectedVersion, BlockDraft draft) {
        VehicleBlock current = get(workspaceId, id);
        VehicleBlock block = toBlock(id, workspaceId, draft, current.createdAt(), current.version());
        checkAssignment(block);
        return blocks.update(block, expectedVersion);
    }

    public VehicleBlock get(UUID workspaceId, UUID id) {
        return blocks.find(workspaceId, id).orElseThrow(() -> new NotFoundException("block", id));
    }

    public Page<VehicleBlock> list(UUID workspaceId, ListQuery query) {
        return blocks.list(workspaceId, query);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        get(workspaceId, id);
        blocks.delete(workspaceId, id, expectedVersion);
    }

    /**
     * Readiness of every block of a depot, by next departure; unassigned blocks say so. A current
     * charging plan adds its expected state of charge at the departure it planned for.
     */
    public List<DepartureReadiness> readiness(UUID workspaceId, UUID depotId, Instant now) {
        Depot depot = depots.find(workspaceId, depotId).orElseThrow(() -> new NotFoundException("depot", depotId));
        Optional<ChargingPlan> plan = plans.find(workspaceId, depotId).filter(p -> p.currentAt(now));
        return blocks.ofDepot(workspaceId, depotId).stream()
                .map(block -> assess(workspaceId, depot, block, now))
                .map(readiness -> plan.flatMap(p -> plannedSoc(p, readiness))
                        .map(readiness::withPlannedSoc)
                        .orElse(readiness))
                .sorted(Comparator.comparing(DepartureReadiness::departureAt))
                .toList();
    }

    /** The plan's state of charge for this block's vehicle, if the plan charges it for this departure. */
    private static Optional<BigDecimal> plannedSoc(ChargingPlan plan, DepartureReadiness readiness) {
        if (readiness.vehicleId() == null) {
            return Optional.empty();
        }
        return plan.of(readiness.vehicleId())
                .filter(v -> v.departure().equals(readiness.departureAt()))
                .map(VehiclePlan::socAtDeparturePercent)
                .map(soc -> BigDecimal.valueOf(soc).setScale(1, RoundingMode.HALF_UP));
    }

    private DepartureReadiness assess(UUID workspaceId, Depot depot, VehicleBlock block, Instant now) {
        Instant departure = block.nextDeparture(now, depot.timeZone());
        if (block.vehicleId() == null) {
            return new DepartureReadiness(
                    block.id(), null, departure, null, null, null, false, "no vehicle assigned", null);
        }
        Vehicle vehicle = vehicles.find(workspaceId, block.vehicleId()).orElseThrow();
        BigDecimal soc = vehicleState
                .stateOfCharge(vehicle.id())
                .map(VehicleStateReader.StateOfCharge::percent)
                .orElse(null);
        return DepartureReadiness.assess(block, vehicle, soc, departure, now);
    }

    private VehicleBlock toBlock(UUID id, UUID workspaceId, BlockDraft draft, Instant createdAt, long version) {
        if (draft.depotId() == null || depots.find(workspaceId, draft.depotId()).isEmpty()) {
            throw new InvalidInputException("depotId", "must name a depot of this workspace");
        }
        if (!draft.returnAt().isAfter(draft.departureAt())) {
            throw new InvalidInputException("returnAt", "must be after departureAt");
        }
        if (draft.requiredEnergyKwh() == null && draft.requiredDistanceKm() == null) {
            throw new InvalidInputException("requiredEnergyKwh", "give requiredEnergyKwh or requiredDistanceKm");
        }
        Recurrence recurrence;
        try {
            recurrence = draft.recurrence() == null ? Recurrence.NONE : Recurrence.valueOf(draft.recurrence());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("recurrence", "must be one of NONE, DAILY, WEEKDAYS");
        }
        return new VehicleBlock(
                id,
                workspaceId,
                draft.depotId(),
                draft.name().strip(),
                draft.departureAt().truncatedTo(ChronoUnit.SECONDS),
                draft.returnAt().truncatedTo(ChronoUnit.SECONDS),
                draft.requiredEnergyKwh(),
                draft.requiredDistanceKm(),
                recurrence,
                draft.vehicleId(),
                createdAt,
                version);
    }

    /** A vehicle of this workspace, not already out on another block at the same time. */
    private void checkAssignment(VehicleBlock block) {
        if (block.vehicleId() == null) {
            return;
        }
        if (vehicles.find(block.workspaceId(), block.vehicleId()).isEmpty()) {
            throw new InvalidInputException("vehicleId", "must name a vehicle of this workspace");
        }
        blocks.ofVehicle(block.workspaceId(), block.vehicleId()).stream()
                .filter(other -> !other.id().equals(block.id()))
                .filter(other -> other.recurrence() == Recurrence.NONE && block.recurrence() == Recurrence.NONE)
                .filter(other -> other.departureAt().isBefore(block.returnAt())
                        && block.departureAt().isBefore(other.returnAt()))
                .findFirst()
                .ifPresent(other -> {
                    throw new ConflictException("block", "vehicleId", block.vehicleId(), other.id());
                });
    }
}
