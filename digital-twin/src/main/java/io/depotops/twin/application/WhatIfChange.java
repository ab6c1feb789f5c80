package io.depotops.twin.application;

import io.depotops.twin.domain.model.ChargerState;
import io.depotops.twin.domain.model.ConnectorState;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.model.NodeState;
import io.depotops.twin.domain.model.VehicleState;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** A change a what-if applies to a copy of a depot's model. */
public sealed interface WhatIfChange {

    DepotModel applyTo(DepotModel model);

    /** The charger goes down: its connectors deliver nothing. */
    record ChargerDown(String chargePointId) implements WhatIfChange {
        @Override
        public DepotModel applyTo(DepotModel model) {
            ChargerState charger = model.chargers().get(chargePointId);
            if (charger == null) {
                throw new InvalidWhatIfException("no charger " + chargePointId + " in this depot");
            }
            Map<Integer, ConnectorState> down = new TreeMap<>();
            charger.connectors()
                    .forEach((id, c) -> down.put(
                            id,
                            new ConnectorState(id, "Faulted", 0, c.vehicleId(), c.transactionId(), c.confirmedAt())));
            return model.withChargerState(new ChargerState(
                    charger.chargerId(),
                    charger.chargePointId(),
                    charger.nodeId(),
                    charger.maxPowerKw(),
                    charger.dc(),
                    charger.online(),
                    charger.confirmedAt(),
                    down));
        }
    }

    /**
     * A node's limit is lowered: the chargers below it share what is left after the node's other
     * load in proportion to what they draw now.
     */
    record LimitLowered(String nodeId, double limitKw) implements WhatIfChange {
        @Override
        public DepotModel applyTo(DepotModel model) {
            NodeState node = model.nodes().get(nodeId);
            if (node == null) {
                throw new InvalidWhatIfException("no site node " + nodeId + " in this depot");
            }
            if (!(limitKw >= 0)) {
                throw new InvalidWhatIfException("limitKw must not be negative");
            }
            double charging = 0;
            for (ChargerState charger : model.chargers().values()) {
                if (below(model, charger.nodeId(), nodeId)) {
                    charging += charger.connectors().values().stream()
                            .mapToDouble(ConnectorState::powerKw)
                            .sum();
                }
            }
            double other = node.loadKw() == null ? 0 : Math.max(0, node.loadKw() - charging);
            double room = Math.max(0, limitKw - other);
            double factor = charging <= room || charging <= 0 ? 1 : room / charging;
            DepotModel changed = model.withNodeState(
                    new NodeState(node.nodeId(), node.parentId(), limitKw, node.loadKw(), node.confirmedAt()));
            for (ChargerState charger : model.chargers().values()) {
                if (below(model, charger.nodeId(), nodeId)) {
                    ChargerState scaled = charger;
                    for (ConnectorState c : charger.connectors().values()) {
                        scaled = scaled.withConnector(new ConnectorState(
                                c.connectorId(),
                                c.status(),
                                c.powerKw() * factor,
                                c.vehicleId(),
                                c.transactionId(),
                                c.confirmedAt()));
                    }
                    changed = changed.withChargerState(scaled);
                }
            }
            return changed;
        }

        private static boolean below(DepotModel model, String start, String ancestor) {
            String at = start;
            for (int depth = 0; at != null && depth < 64; depth++) {
                if (at.equals(ancestor)) {
                    return true;
                }
                NodeState node = model.nodes().get(at);
                at = node == null ? null : node.parentId();
            }
            return false;
        }
    }

    /** The vehicle leaves later (or, negative, earlier) than its next departure. */
    record VehicleLate(String vehicleId, Duration by) implements WhatIfChange {
        @Override
        public DepotModel applyTo(DepotModel model) {
            VehicleState vehicle = model.vehicles().get(vehicleId);
            if (vehicle == null) {
                throw new InvalidWhatIfException("no vehicle " + vehicleId + " in this depot");
            }
            if (vehicle.nextDepartureAt() == null) {
                throw new InvalidWhatIfException("vehicle " + vehicleId + " has no next departure");
            }
            return model.withVehicleState(
                    vehicle.withDeparture(vehicle.nextDepartureAt().plus(by)));
        }
    }
}
