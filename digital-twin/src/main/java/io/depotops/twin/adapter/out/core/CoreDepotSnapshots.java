package io.depotops.twin.adapter.out.core;

import io.depotops.contracts.twin.DepotSnapshotV1;
import io.depotops.twin.application.port.DepotRef;
import io.depotops.twin.application.port.DepotSnapshots;
import io.depotops.twin.domain.model.ChargerState;
import io.depotops.twin.domain.model.ConnectorState;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.model.NodeState;
import io.depotops.twin.domain.model.VehicleState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Depot snapshots from core's twin feed, in the twin's model. */
@ApplicationScoped
class CoreDepotSnapshots implements DepotSnapshots {

    private final CoreTwinFeedClient core;

    CoreDepotSnapshots(@RestClient CoreTwinFeedClient core) {
        this.core = core;
    }

    @Override
    public List<DepotRef> depots() {
        return core.depots().stream()
                .map(ref -> new DepotRef(ref.workspaceId(), ref.depotId()))
                .toList();
    }

    @Override
    public Optional<DepotModel> load(DepotRef depot) {
        try {
            return Optional.of(toModel(core.depot(depot.workspaceId(), depot.depotId())));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static DepotModel toModel(DepotSnapshotV1 snapshot) {
        Map<String, ChargerState> chargers = new LinkedHashMap<>();
        for (DepotSnapshotV1.Charger charger : orEmpty(snapshot.chargers())) {
            Map<Integer, ConnectorState> connectors = new TreeMap<>();
            for (DepotSnapshotV1.Connector c : orEmpty(charger.connectors())) {
                connectors.put(
                        c.connectorId(),
                        new ConnectorState(
                                c.connectorId(),
                                c.status(),
                                c.powerKw() == null ? 0 : Math.max(0, c.powerKw()),
                                c.vehicleId(),
                                c.transactionId(),
                                c.confirmedAt()));
            }
            chargers.put(
                    charger.chargePointId(),
                    new ChargerState(
                            charger.chargerId(),
                            charger.chargePointId(),
                            charger.nodeId(),
                            charger.maxPowerKw(),
                            charger.dc(),
                            charger.online(),
                            charger.confirmedAt(),
                            connectors));
        }
        Map<String, VehicleState> vehicles = new LinkedHashMap<>();
        for (DepotSnapshotV1.Vehicle v : orEmpty(snapshot.vehicles())) {
            vehicles.put(
                    v.vehicleId(),
                    new VehicleState(
                            v.vehicleId(),
                            v.batteryKwh(),
                            v.maxAcKw() == null ? 0 : v.maxAcKw(),
                            v.maxDcKw() == null ? 0 : v.maxDcKw(),
                            v.taperAboveSocPercent(),
                            v.powerAtFullPercent(),
                            v.socPercent(),
                            v.socObservedAt(),
                            v.targetSocPercent(),
                            v.nextDepartureAt(),
                            orEmpty(v.plannedPower()).stream()
                                    .map(p -> new VehicleState.PlannedStep(p.from(), p.powerKw()))
                                    .toList()));
        }
        Map<String, NodeState> nodes = new LinkedHashMap<>();
        for (DepotSnapshotV1.SiteNode n : orEmpty(snapshot.nodes())) {
            nodes.put(n.nodeId(), new NodeState(n.nodeId(), n.parentId(), n.limitKw(), n.loadKw(), n.measuredAt()));
        }
        return new DepotModel(snapshot.workspaceId(), snapshot.depotId(), snapshot.asOf(), chargers, vehicles, nodes);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
