package io.depotops.contracts.events.connect;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code connect.charger.boot.v1}: a BootNotification and the answer connect gave it (from its
 * read model of core's registry); core records status, firmware and serial number from it.
 */
@EventType(EventTypes.CONNECT_CHARGER_BOOT_V1)
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
        Instant bootedAt) {}
