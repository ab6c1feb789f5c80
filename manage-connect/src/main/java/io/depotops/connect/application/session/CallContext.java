package io.depotops.connect.application.session;

import io.depotops.connect.domain.OcppVersion;

/** Who sent a CALL: the charger, its version and the session. */
public record CallContext(String chargePointId, OcppVersion version, String sessionId) {}
