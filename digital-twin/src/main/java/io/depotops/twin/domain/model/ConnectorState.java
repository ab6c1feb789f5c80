package io.depotops.twin.domain.model;

import java.time.Instant;

/**
 * One connector (EVSE) as last confirmed: its status, the power it delivers and the vehicle of its
 * open session.
 */
public record ConnectorState(
        int connectorId, String status, double powerKw, String vehicleId, Long transactionId, Instant confirmedAt) {

    /** Statuses under which a connector delivers nothing, whatever was last metered. */
    public boolean isDown() {
        return "Faulted".equalsIgnoreCase(status) || "Unavailable".equalsIgnoreCase(status);
    }
}
