package io.depotops.connect.domain;

import java.time.Instant;

/**
 * A charger says a transaction started at a connector. OCPP 1.6 connector N is EVSE N with
 * connector 1; {@code chargerTransactionId} is the charger's own id in OCPP 2.0.1, null in 1.6
 * (where the central system allocates the id).
 */
public record TransactionStart(
        int evseId,
        int connectorId,
        String idToken,
        long meterStartWh,
        Instant startedAt,
        String chargerTransactionId) {}
