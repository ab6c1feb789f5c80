package io.depotops.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A charging station. {@code chargePointId} is how it identifies itself on the websocket, unique
 * across all workspaces; {@code passwordHash} protects its connection (OCPP security profiles 1 and
 * 2) and never leaves core.
 */
public record Charger(
        UUID id,
        UUID workspaceId,
        UUID siteId,
        String chargePointId,
        String vendor,
        String model,
        OcppVersion ocppVersion,
        int securityProfile,
        String passwordHash,
        BigDecimal maxPowerKw,
        String status,
        BootStatus bootStatus,
        Instant lastBootAt,
        String firmwareVersion,
        String serialNumber,
        List<Connector> connectors,
        Instant createdAt,
        long version) {

    public Charger {
        connectors = List.copyOf(connectors);
        if (securityProfile != 1 && securityProfile != 2) {
            throw new IllegalArgumentException("security profile must be 1 or 2");
        }
    }

    /** The charger after a BootNotification answered with {@code status}. */
    public Charger booted(BootStatus status, Instant at, String firmware, String serial) {
        return new Charger(
                id,
                workspaceId,
                siteId,
                chargePointId,
                vendor,
                model,
                ocppVersion,
                securityProfile,
                passwordHash,
                maxPowerKw,
                this.status,
                status,
                at,
                firmware,
                serial,
                connectors,
                createdAt,
                version);
    }
}
