package io.depotops.core.domain;

import java.math.BigDecimal;

/**
 * A plug of a charger, addressed as OCPP 2.0.1 does: EVSE id and connector id (both from 1). An
 * OCPP 1.6 charger's connector N is EVSE N, connector 1. {@code status} is the last one the
 * charger reported, observed at {@code statusUpdatedAt}.
 */
public record Connector(
        int evseId,
        int connectorId,
        ConnectorType type,
        BigDecimal maxPowerKw,
        String status,
        java.time.Instant statusUpdatedAt) {

    public Connector {
        if (evseId < 1 || connectorId < 1) {
            throw new IllegalArgumentException("EVSE and connector ids start at 1");
        }
    }
}
