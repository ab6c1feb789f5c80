package io.depotops.core.domain;

import java.time.Instant;

/** One OCPP-J frame a charger sent ({@code in}) or was sent ({@code out}), as connect saw it. */
public record OcppMessage(
        String chargePointId,
        Instant at,
        String direction,
        String ocppVersion,
        String sessionId,
        String frame,
        String eventId) {}
