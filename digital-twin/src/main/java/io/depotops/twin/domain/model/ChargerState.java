package io.depotops.twin.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A charger as last confirmed: online or not, and its connectors by number. */
public record ChargerState(
        String chargerId,
        String chargePointId,
        String nodeId,
        double maxPowerKw,
        boolean dc,
        boolean online,
        Instant confirmedAt,
        Map<Integer, ConnectorState> connectors) {

    public ChargerState {
        connectors = Map.copyOf(connectors);
    }

    public ChargerState withOnline(boolean isOnline, Instant at) {
        return new ChargerState(chargerId, chargePointId, nodeId, maxPowerKw, dc, isOnline, at, connectors);
    }

    public ChargerState withConnector(ConnectorState connector) {
        Map<Integer, ConnectorState> changed = new TreeMap<>(connectors);
        changed.put(connector.connectorId(), connector);
        return new ChargerState(chargerId, chargePointId, nodeId, maxPowerKw, dc, online, confirmedAt, changed);
    }

    /** The connector by number, or an empty one never confirmed. */
    public ConnectorState connector(int connectorId) {
        ConnectorState known = connectors.get(connectorId);
        return known != null ? known : new ConnectorState(connectorId, null, 0, null, null, null);
    }
}
