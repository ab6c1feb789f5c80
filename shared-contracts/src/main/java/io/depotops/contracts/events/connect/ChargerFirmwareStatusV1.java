package io.depotops.contracts.events.connect;

import java.time.Instant;

/**
 * {@code connect.charger.firmware-status.v1}: a FirmwareStatusNotification. {@code status} is the
 * charger's word (e.g. {@code Downloading}, {@code Installed}, {@code InstallationFailed}); {@code
 * requestId} is the 2.0.1 UpdateFirmware request it reports on (null in 1.6).
 */
public record ChargerFirmwareStatusV1(
        String chargePointId, String ocppVersion, String status, Integer requestId, Instant receivedAt) {}
