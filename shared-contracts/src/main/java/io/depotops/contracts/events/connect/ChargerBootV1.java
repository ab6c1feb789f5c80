package io.depotops.contracts.events.connect;

import java.time.Instant;

/**
 * {@code connect.charger.boot.v1}: a BootNotification and the answer it got; {@code
 * decidedOffline} when connect answered by its offline policy because core did not.
 */
public record ChargerBootV1(
        String chargePointId,
        String ocppVersion,
        String vendor,
        String model,
        String serialNumber,
        String firmwareVersion,
        String reason,
        String status,
        int intervalSeconds,
        boolean decidedOffline,
        Instant bootedAt) {}
