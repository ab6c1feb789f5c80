package io.depotops.connect.application.session;

import io.depotops.connect.domain.OcppVersion;
import java.time.Instant;

/** What an operator sees of a live session. */
public record SessionView(
        String chargePointId,
        OcppVersion version,
        String sessionId,
        String remoteAddress,
        Instant connectedAt,
        Instant lastMessageAt,
        String bootStatus) {}
