package io.depotops.contracts.events.connect;

import java.time.Instant;

/**
 * {@code connect.charger.security-event.v1}: a SecurityEventNotification. {@code type} is the
 * charger's event type (e.g. {@code FirmwareUpdated}, {@code InvalidCsmsCertificate}), {@code
 * timestamp} the charger's, {@code techInfo} its free text (may be null).
 */
public record ChargerSecurityEventV1(
        String chargePointId, String ocppVersion, String type, Instant timestamp, String techInfo) {}
