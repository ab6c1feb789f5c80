package io.depotops.connect.domain;

import java.time.Instant;

/**
 * A connector (or, with connector 0 in OCPP 1.6, the whole charger) reports its state. {@code
 * evseId} is null in OCPP 1.6, which has connectors only. {@code ocppStatus} is the word the
 * charger sent; {@code errorCode}, {@code info}, {@code vendorErrorCode} only in 1.6.
 */
public record StatusReport(
        Integer evseId,
        int connectorId,
        ConnectorAvailability availability,
        String ocppStatus,
        String errorCode,
        String info,
        String vendorErrorCode,
        Instant timestamp) {}
