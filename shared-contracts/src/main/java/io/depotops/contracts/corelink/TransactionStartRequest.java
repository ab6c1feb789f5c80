package io.depotops.contracts.corelink;

import java.time.Instant;

/**
 * A transaction starts at a connector. {@code chargerTransactionId} is the charger's own id (OCPP
 * 2.0.1 TransactionEvent); {@code null} in OCPP 1.6, where core allocates the id. Repeating the
 * same request (same charger, connector, start time) returns the same transaction: connect may
 * retry.
 */
public record TransactionStartRequest(
        String chargePointId,
        int evseId,
        int connectorId,
        String idToken,
        long meterStartWh,
        Instant startedAt,
        String chargerTransactionId) {}
