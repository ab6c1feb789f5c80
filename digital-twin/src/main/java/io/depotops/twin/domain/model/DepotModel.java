package io.depotops.twin.domain.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live model of one depot: every charger (by charge point id), vehicle and site node with its
 * state and when it was last confirmed. Immutable: applying a fact returns a new model, so a
 * what-if works on a copy and readers never see half an update.
 */
public record DepotModel(
        String workspaceId,
        String depotId,
        Instant syncedAt,
        Map<String, ChargerState> chargers,
        Map<String, VehicleState> vehicles,
        Map<String, NodeState> nodes) {

    public DepotModel {
        chargers = Map.copyOf(chargers);
        vehicles = Map.copyOf(vehicles);
        nodes = Map.copyOf(nodes);
    }

    /** Whether the fact names a charger, vehicle or node of this depot. */
    public boolean concerns(Fact fact) {
        return switch (fact) {
            case Fact.ChargerLink link -> chargers.containsKey(link.chargePointId());
            case Fact.ConnectorStatus status -> chargers.containsKey(status.chargePointId());
            case Fact.ConnectorMetered metered -> chargers.containsKey(metered.chargePointId());
            case Fact.Session session -> chargers.containsKey(session.chargePointId());
            case Fact.VehicleObserved observed -> vehicles.containsKey(observed.vehicleId());
            case Fact.NodeMeasured measured -> nodes.containsKey(measured.nodeId());
        };
    }

    /** This model with the fact applied; the same model when the fact is not newer than what it knows. */
    public DepotModel apply(Fact fact) {
        return switch (fact) {
            case Fact.ChargerLink link ->
                withCharger(
                        link.chargePointId(),
                        link.at(),
                        charger -> charger.confirmedAt(),
                        charger -> charger.withOnline(link.online(), link.at()));
            case Fact.ConnectorStatus status ->
                onConnector(
                        status.chargePointId(),
                        status.connectorId(),
                        status.at(),
                        c -> new ConnectorState(
                                c.connectorId(),
                                status.status(),
                                c.powerKw(),
                                c.vehicleId(),
                                c.transactionId(),
                                status.at()));
            case Fact.ConnectorMetered metered -> applyMetered(metered);
            case Fact.Session session ->
                onConnector(
                        session.chargePointId(),
                        session.connectorId(),
                        session.at(),
                        c -> session.started()
                                ? new ConnectorState(
                                        c.connectorId(),
                                        c.status(),
                                        c.powerKw(),
                                        session.vehicleId(),
                                        session.transactionId(),
                                        session.at())
                                : new ConnectorState(c.connectorId(), c.status(), 0, null, null, session.at()));
            case Fact.VehicleObserved observed ->
                applyObserved(observed.vehicleId(), observed.socPercent(), observed.at());
            case Fact.NodeMeasured measured -> applyMeasured(measured);
        };
    }

    private DepotModel applyMetered(Fact.ConnectorMetered metered) {
        DepotModel model = onConnector(
                metered.chargePointId(),
                metered.connectorId(),
                metered.at(),
                c -> new ConnectorState(
                        c.connectorId(),
                        c.status(),
                        metered.powerKw() == null ? c.powerKw() : Math.max(0, metered.powerKw()),
                        c.vehicleId(),
                        c.transactionId(),
                        metered.at()));
        // The charger's reading of the vehicle's SoC is as good as telematics' for the twin.
        String vehicleId = chargers.get(metered.chargePointId()) == null
                ? null
                : chargers.get(metered.chargePointId())
                        .connector(metered.connectorId())
                        .vehicleId();
        return vehicleId == null || metered.socPercent() == null
                ? model
                : model.applyObserved(vehicleId, metered.socPercent(), metered.at());
    }

    private DepotModel applyObserved(String vehicleId, Double socPercent, Instant at) {
        VehicleState vehicle = vehicles.get(vehicleId);
        if (vehicle == null || socPercent == null || isOlder(at, vehicle.socConfirmedAt())) {
            return this;
        }
        Map<String, VehicleState> changed = new LinkedHashMap<>(vehicles);
        changed.put(vehicleId, vehicle.withSoc(Math.max(0, Math.min(100, socPercent)), at));
        return new DepotModel(workspaceId, depotId, syncedAt, chargers, changed, nodes);
    }

    private DepotModel applyMeasured(Fact.NodeMeasured measured) {
        NodeState node = nodes.get(measured.nodeId());
        if (node == null || isOlder(measured.at(), node.confirmedAt())) {
            return this;
        }
        Map<String, NodeState> changed = new LinkedHashMap<>(nodes);
        changed.put(
                node.nodeId(),
                new NodeState(
                        node.nodeId(),
                        node.parentId(),
                        measured.limitKw() != null ? measured.limitKw() : node.limitKw(),
                        measured.loadKw(),
                        measured.at()));
        return new DepotModel(workspaceId, depotId, syncedAt, chargers, vehicles, changed);
    }

    private DepotModel onConnector(
            String chargePointId,
            int connectorId,
            Instant at,
            java.util.function.UnaryOperator<ConnectorState> change) {
        ChargerState charger = chargers.get(chargePointId);
        if (charger == null) {
            return this;
        }
        ConnectorState connector = charger.connector(connectorId);
        if (isOlder(at, connector.confirmedAt())) {
            return this;
        }
        return withChargerState(charger.withConnector(change.apply(connector)));
    }

    private DepotModel withCharger(
            String chargePointId,
            Instant at,
            java.util.function.Function<ChargerState, Instant> confirmed,
            java.util.function.UnaryOperator<ChargerState> change) {
        ChargerState charger = chargers.get(chargePointId);
        if (charger == null || isOlder(at, confirmed.apply(charger))) {
            return this;
        }
        return withChargerState(change.apply(charger));
    }

    /** This model with a charger replaced (a fact, or a what-if). */
    public DepotModel withChargerState(ChargerState charger) {
        Map<String, ChargerState> changed = new LinkedHashMap<>(chargers);
        changed.put(charger.chargePointId(), charger);
        return new DepotModel(workspaceId, depotId, syncedAt, changed, vehicles, nodes);
    }

    /** This model with a vehicle replaced (a what-if). */
    public DepotModel withVehicleState(VehicleState vehicle) {
        Map<String, VehicleState> changed = new LinkedHashMap<>(vehicles);
        changed.put(vehicle.vehicleId(), vehicle);
        return new DepotModel(workspaceId, depotId, syncedAt, chargers, changed, nodes);
    }

    /** This model with a node replaced (a what-if). */
    public DepotModel withNodeState(NodeState node) {
        Map<String, NodeState> changed = new LinkedHashMap<>(nodes);
        changed.put(node.nodeId(), node);
        return new DepotModel(workspaceId, depotId, syncedAt, chargers, vehicles, changed);
    }

    /** The charger and connector a vehicle is plugged into, or null. */
    public Plug plugOf(String vehicleId) {
        for (ChargerState charger : chargers.values()) {
            for (ConnectorState connector : charger.connectors().values()) {
                if (vehicleId.equals(connector.vehicleId())) {
                    return new Plug(charger, connector);
                }
            }
        }
        return null;
    }

    public record Plug(ChargerState charger, ConnectorState connector) {}

    private static boolean isOlder(Instant at, Instant confirmed) {
        return at == null || (confirmed != null && at.isBefore(confirmed));
    }
}
