package io.depotops.contracts.events.connect;

import java.time.Instant;

/** {@code connect.charger.connected.v1}: a charger's websocket session opened. */
public record ChargerConnectedV1(
        String chargePointId, String ocppVersion, String sessionId, Instant connectedAt, String remoteAddress) {}
