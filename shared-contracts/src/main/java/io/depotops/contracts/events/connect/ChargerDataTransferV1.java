package io.depotops.contracts.events.connect;

import java.time.Instant;

/**
 * {@code connect.charger.data-transfer.v1}: a DataTransfer the charger sent. {@code data} is as
 * sent: a string in OCPP 1.6, any JSON value in 2.0.1 (null when absent). {@code status} is what
 * connect answered ({@code Accepted} for a configured vendor, else {@code UnknownVendorId}).
 */
public record ChargerDataTransferV1(
        String chargePointId,
        String ocppVersion,
        String vendorId,
        String messageId,
        Object data,
        String status,
        Instant receivedAt) {}
