package io.depotops.contracts.events.connect;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/** {@code connect.charger.connected.v1}: a charger's websocket session opened. */
@EventType(EventTypes.CONNECT_CHARGER_CONNECTED_V1)
public record ChargerConnectedV1(
        String chargePointId, String ocppVersion, String sessionId, Instant connectedAt, String remoteAddress) {}
