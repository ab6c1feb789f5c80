package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.twin.DepotRefV1;
import io.depotops.contracts.twin.DepotSnapshotV1;
import io.depotops.contracts.twin.TwinFeedPaths;
import io.depotops.core.application.twin.TwinDepotState;
import io.depotops.core.application.twin.TwinDepotState.TwinVehicle;
import io.depotops.core.application.twin.TwinFeedService;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.Connector;
import io.depotops.core.domain.ConnectorType;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.Site;
import io.depotops.core.domain.load.SiteMeasurement;
import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.platform.serviceauth.InternalApi;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The feed digital-twin starts each depot's model from and resyncs to (issue 14, ADR 0018). Served
 * only on the internal listener, to digital-twin's service token (ADR 0008).
 */
@Path(TwinFeedPaths.BASE)
@Tag(name = "Twin feed (internal)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@InternalApi(callers = "digital-twin")
public class TwinFeedResource {

    /** Plugs that only DC chargers carry; Type 1 and Type 2 are AC. */
    private static final Set<ConnectorType> DC_PLUGS = EnumSet.of(
            ConnectorType.CCS1,
            ConnectorType.CCS2,
            ConnectorType.CHAdeMO,
            ConnectorType.GBT,
            ConnectorType.MCS,
            ConnectorType.Pantograph);

    private final TwinFeedService feed;

    TwinFeedResource(TwinFeedService feed) {
        this.feed = feed;
    }

    @GET
    @Path(TwinFeedPaths.DEPOTS)
    public List<DepotRefV1> depots() {
        return feed.allDepots().stream()
                .map(d -> new DepotRefV1(d.workspaceId().toString(), d.id().toString()))
                .toList();
    }

    @GET
    @Path(TwinFeedPaths.DEPOT)
    public DepotSnapshotV1 depot(@PathParam("workspaceId") UUID workspaceId, @PathParam("depotId") UUID depotId) {
        return toContract(feed.depot(workspaceId, depotId));
    }

    static DepotSnapshotV1 toContract(TwinDepotState state) {
        return new DepotSnapshotV1(
                state.depot().workspaceId().toString(),
                state.depot().id().toString(),
                state.asOf(),
                chargers(state),
                vehicles(state),
                nodes(state));
    }

    private static List<DepotSnapshotV1.Charger> chargers(TwinDepotState state) {
        Map<UUID, DepotLiveState.ChargerState> live = new HashMap<>();
        state.live().chargers().forEach(c -> live.put(c.chargerId(), c));
        Map<String, ChargingTransaction> openByConnector = new HashMap<>();
        state.openTransactions().forEach(t -> openByConnector.put(t.chargerId() + "/" + t.evseId(), t));
        List<DepotSnapshotV1.Charger> result = new ArrayList<>();
        for (Charger charger : state.chargers()) {
            DepotLiveState.ChargerState now = live.get(charger.id());
            List<DepotSnapshotV1.Connector> connectors = new ArrayList<>();
            for (Connector connector : charger.connectors()) {
                ChargingTransaction open = openByConnector.get(charger.id() + "/" + connector.evseId());
                // The twin addresses a connector by its EVSE (OCPP 2.0.1) or number (1.6, EVSE N).
                connectors.add(new DepotSnapshotV1.Connector(
                        connector.evseId(),
                        connector.status(),
                        null,
                        open == null || open.vehicleId() == null
                                ? null
                                : open.vehicleId().toString(),
                        open == null ? null : open.id(),
                        connector.statusUpdatedAt()));
            }
            result.add(new DepotSnapshotV1.Charger(
                    charger.id().toString(),
                    charger.chargePointId(),
                    charger.siteId().toString(),
                    maxPowerKw(charger),
                    charger.connectors().stream().anyMatch(c -> DC_PLUGS.contains(c.type())),
                    now != null && now.online(),
                    now == null ? null : now.updatedAt(),
                    connectors));
        }
        return result;
    }

    private static double maxPowerKw(Charger charger) {
        if (charger.maxPowerKw() != null) {
            return charger.maxPowerKw().doubleValue();
        }
        return charger.connectors().stream()
                .map(Connector::maxPowerKw)
                .filter(p -> p != null)
                .mapToDouble(BigDecimal::doubleValue)
                .max()
                .orElse(0);
    }

    private static List<DepotSnapshotV1.Vehicle> vehicles(TwinDepotState state) {
        List<DepotSnapshotV1.Vehicle> result = new ArrayList<>();
        for (TwinVehicle twin : state.vehicles()) {
            var vehicle = twin.vehicle();
            result.add(new DepotSnapshotV1.Vehicle(
                    vehicle.id().toString(),
                    vehicle.batteryKwh().doubleValue(),
                    number(vehicle.maxAcKw()),
                    number(vehicle.maxDcKw()),
                    // core keeps no charge curve: the twin then assumes none
                    null,
                    null,
                    twin.stateOfCharge().map(s -> s.percent().doubleValue()).orElse(null),
                    twin.stateOfCharge().map(s -> s.observedAt()).orElse(null),
                    // without a departure core has no requirement: the twin charges it full
                    twin.targetSocPercent() == null
                            ? 100.0
                            : Math.min(100.0, twin.targetSocPercent().doubleValue()),
                    twin.nextDepartureAt(),
                    plannedPower(state, vehicle.id())));
        }
        return result;
    }

    /** The stored plan's power steps for the vehicle; empty without a plan or when it is not in it. */
    private static List<DepotSnapshotV1.PlannedPower> plannedPower(TwinDepotState state, UUID vehicleId) {
        if (state.plan().isEmpty()) {
            return List.of();
        }
        ChargingPlan plan = state.plan().get();
        return plan.of(vehicleId)
                .map(p -> {
                    List<DepotSnapshotV1.PlannedPower> steps = new ArrayList<>();
                    int slots = Math.min(plan.slotStarts().size(), p.powerKw().size());
                    for (int i = 0; i < slots; i++) {
                        steps.add(new DepotSnapshotV1.PlannedPower(
                                plan.slotStarts().get(i), p.powerKw().get(i)));
                    }
                    return List.copyOf(steps);
                })
                .orElse(List.of());
    }

    /**
     * Each site is a root node limited by its grid capacity; the nodes sitepwrmon reported load for
     * hang below it (a report for the site's own node id is the root's load).
     */
    private static List<DepotSnapshotV1.SiteNode> nodes(TwinDepotState state) {
        List<DepotSnapshotV1.SiteNode> result = new ArrayList<>();
        for (Site site : state.sites()) {
            String root = site.id().toString();
            Double rootLoad = null;
            Instant rootMeasured = null;
            List<DepotSnapshotV1.SiteNode> children = new ArrayList<>();
            for (SiteMeasurement m : state.nodeLoads().getOrDefault(site.id(), List.of())) {
                if (root.equals(m.nodeId())) {
                    rootLoad = m.loadKw();
                    rootMeasured = m.measuredAt();
                } else {
                    children.add(
                            new DepotSnapshotV1.SiteNode(m.nodeId(), root, m.limitKw(), m.loadKw(), m.measuredAt()));
                }
            }
            result.add(new DepotSnapshotV1.SiteNode(root, null, number(site.gridCapacityKw()), rootLoad, rootMeasured));
            result.addAll(children);
        }
        return result;
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
