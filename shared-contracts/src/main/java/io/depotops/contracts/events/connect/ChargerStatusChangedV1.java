package io.depotops.contracts.events.connect;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code connect.charger.status-changed.v1}: a StatusNotification. {@code status} is the
 * version-independent availability ({@code AVAILABLE}, {@code OCCUPIED}, {@code RESERVED}, {@code
 * UNAVAILABLE}, {@code FAULTED}); {@code ocppStatus} the word the charger sent. {@code evseId} is
 * null in OCPP 1.6, where {@code connectorId} 0 means the whole charger; {@code errorCode}, {@code
 * info} and {@code vendorErrorCode} come from 1.6 only. {@code timestamp} is the charger's.
 */
@EventType(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1)
public record ChargerStatusChangedV1(
        String chargePointId,
        String ocppVersion,
        Integer evseId,
        int connectorId,
        String status,
        String ocppStatus,
        String errorCode,
        String info,
        String vendorErrorCode,
        Instant timestamp) {}
