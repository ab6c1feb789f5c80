package io.depotops.core.application.twin;

import io.depotops.core.application.ListQuery;
import io.depotops.core.application.NotFoundException;
import io.depotops.core.application.load.LoadManagementStore;
import io.depotops.core.application.plan.PlanRepository;
import io.depotops.core.application.port.BlockRepository;
import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.LiveStateSource;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.application.port.TenantRepository;
import io.depotops.core.application.port.TransactionRepository;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.application.port.VehicleStateReader;
import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.application.twin.TwinDepotState.TwinVehicle;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.DepartureReadiness;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.Vehicle;
import io.depotops.core.domain.VehicleBlock;
import io.depotops.core.domain.Workspace;
import io.depotops.core.domain.load.SiteMeasurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only: the depots digital-twin models and each one's starting state (issue 14), assembled
 * from what core already stores. Nothing here writes.
 */
@ApplicationScoped
public class TwinFeedService {

    private final WorkspaceRepository workspaces;
    private final DepotRepository depots;
    private final SiteRepository sites;
    private final ChargerRepository chargers;
    private final VehicleRepository vehicles;
    private final BlockRepository blocks;
    private final TransactionRepository transactions;
    private final VehicleStateReader vehicleState;
    private final LiveStateSource liveState;
    private final PlanRepository plans;
    private final LoadManagementStore loads;
    private final Clock clock;

    TwinFeedService(
            WorkspaceRepository workspaces,
            DepotRepository depots,
            SiteRepository sites,
            ChargerRepository chargers,
            VehicleRepository vehicles,
            BlockRepository blocks,
            TransactionRepository transactions,
            VehicleStateReader vehicleState,
            LiveStateSource liveState,
            PlanRepository plans,
            LoadManagementStore loads,
            Clock clock) {
        this.workspaces = workspaces;
        this.depots = depots;
        this.sites = sites;
        this.chargers = chargers;
        this.vehicles = vehicles;
        this.blocks = blocks;
        this.transactions = transactions;
        this.vehicleState = vehicleState;
        this.liveState = liveState;
        this.plans = plans;
        this.loads = loads;
        this.clock = clock;
    }

    /** Every depot of every workspace. */
    @Transactional
    public List<Depot> allDepots() {
        List<Depot> all = new ArrayList<>();
        for (Workspace workspace : workspaces.all()) {
            all.addAll(all(depots, workspace.id(), Map.of(), "createdAt"));
        }
        return all;
    }

    /** The depot's state now; not found when the workspace has no such depot. */
    @Transactional
    public TwinDepotState depot(UUID workspaceId, UUID depotId) {
        Depot depot = depots.find(workspaceId, depotId).orElseThrow(() -> new NotFoundException("depot", depotId));
        Instant now = clock.instant();
        String depotFilter = depotId.toString();
        List<Site> depotSites = all(sites, workspaceId, Map.of("depotId", depotFilter), "name");
        Map<UUID, List<SiteMeasurement>> nodeLoads = new LinkedHashMap<>();
        List<Charger> depotChargers = new ArrayList<>();
        for (Site site : depotSites) {
            nodeLoads.put(site.id(), loads.nodeLoads(site.id()));
            depotChargers.addAll(
                    all(chargers, workspaceId, Map.of("siteId", site.id().toString()), "chargePointId"));
        }
        List<ChargingTransaction> open = new ArrayList<>();
        for (Charger charger : depotChargers) {
            open.addAll(all(
                    transactions::list,
                    workspaceId,
                    Map.of("chargerId", charger.id().toString(), "status", "Active"),
                    "startedAt"));
        }
        return new TwinDepotState(
                depot,
                now,
                depotSites,
                nodeLoads,
                depotChargers,
                liveState.load(depotId),
                open,
                twinVehicles(depot, now),
                plans.find(workspaceId, depotId));
    }

    private List<TwinVehicle> twinVehicles(Depot depot, Instant now) {
        Map<UUID, VehicleBlock> nextBlock = new HashMap<>();
        Map<UUID, Instant> nextDeparture = new HashMap<>();
        for (VehicleBlock block : blocks.ofDepot(depot.workspaceId(), depot.id())) {
            if (block.vehicleId() == null) {
                continue;
            }
            Instant departs = block.nextDeparture(now, depot.timeZone());
            if (departs == null || departs.isBefore(now)) {
                continue;
            }
            Instant known = nextDeparture.get(block.vehicleId());
            if (known == null || departs.isBefore(known)) {
                nextDeparture.put(block.vehicleId(), departs);
                nextBlock.put(block.vehicleId(), block);
            }
        }
        List<TwinVehicle> result = new ArrayList<>();
        for (Vehicle vehicle :
                all(vehicles, depot.workspaceId(), Map.of("depotId", depot.id().toString()), "createdAt")) {
            Optional<VehicleStateReader.StateOfCharge> soc = vehicleState.stateOfCharge(vehicle.id());
            VehicleBlock block = nextBlock.get(vehicle.id());
            Instant departs = nextDeparture.get(vehicle.id());
            BigDecimal target = block == null
                    ? null
                    : DepartureReadiness.assess(
                                    block,
                                    vehicle,
                                    soc.map(VehicleStateReader.StateOfCharge::percent)
                                            .orElse(null),
                                    departs,
                                    now)
                            .requiredSocPercent();
            result.add(new TwinVehicle(vehicle, soc, target, departs));
        }
        return result;
    }

    private static <T> List<T> all(
            TenantRepository<T> repository, UUID workspaceId, Map<String, String> filters, String sort) {
        return all(repository::list, workspaceId, filters, sort);
    }

    private static <T> List<T> all(Lister<T> lister, UUID workspaceId, Map<String, String> filters, String sort) {
        List<T> result = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = lister.list(workspaceId, new ListQuery(filters, sort, cursor, ListQuery.MAX_LIMIT));
            result.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return result;
    }

    @FunctionalInterface
    private interface Lister<T> {
        Page<T> list(UUID workspaceId, ListQuery query);
    }
}
