package io.depotops.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An electric vehicle of the fleet. {@code idTag} is the token it identifies with at chargers (RFID
 * card or Plug and Charge contract), so a transaction can be attributed to it.
 */
public record Vehicle(
        UUID id,
        UUID workspaceId,
        UUID depotId,
        String vin,
        String fleetNumber,
        BigDecimal batteryKwh,
        BigDecimal maxAcKw,
        BigDecimal maxDcKw,
        BigDecimal efficiencyKwhPerKm,
        String telematicsProvider,
        String telematicsDeviceId,
        String idTag,
        Instant createdAt,
        long version) {}
