package io.depotops.contracts.events.connect;

import java.time.Instant;

/** {@code connect.charger.disconnected.v1}: a charger's websocket session ended. */
public record ChargerDisconnectedV1(
        String chargePointId, String ocppVersion, String sessionId, Instant disconnectedAt, String reason) {}
