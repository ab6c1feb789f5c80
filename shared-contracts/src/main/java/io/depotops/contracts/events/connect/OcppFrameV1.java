package io.depotops.contracts.events.connect;

import java.time.Instant;

/** {@code connect.ocpp.frame.v1}: one raw OCPP-J frame, {@code direction} {@code in} or {@code out}. */
public record OcppFrameV1(
        String chargePointId, String ocppVersion, String sessionId, String direction, Instant at, String frame) {}
