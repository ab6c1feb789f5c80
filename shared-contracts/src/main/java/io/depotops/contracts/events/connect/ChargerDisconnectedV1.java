package io.depotops.contracts.events.connect;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/** {@code connect.charger.disconnected.v1}: a charger's websocket session ended. */
@EventType(EventTypes.CONNECT_CHARGER_DISCONNECTED_V1)
public record ChargerDisconnectedV1(
        String chargePointId, String ocppVersion, String sessionId, Instant disconnectedAt, String reason) {}
