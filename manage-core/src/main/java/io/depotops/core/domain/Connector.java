package io.depotops.core.domain;

import java.math.BigDecimal;

/** A plug of a charger, addressed as OCPP 2.0.1 does: EVSE id and connector id (both from 1). */
public record Connector(int evseId, int connectorId, ConnectorType type, BigDecimal maxPowerKw, String status) {

    public Connector {
        if (evseId < 1 || connectorId < 1) {
            throw new IllegalArgumentException("EVSE and connector ids start at 1");
        }
    }
}
