package io.depotops.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A charging session at one connector, from start to stop. Energy is what the connector's meter
 * advanced: from the start reading to the stop reading, or to the latest reading while active.
 */
public record ChargingTransaction(
        long id,
        UUID workspaceId,
        UUID chargerId,
        String chargePointId,
        int evseId,
        int connectorId,
        String chargerTransactionId,
        String idToken,
        UUID vehicleId,
        String authorizationStatus,
        boolean active,
        Instant startedAt,
        Instant endedAt,
        long meterStartWh,
        Long meterLastWh,
        Instant meterLastAt,
        Long meterStopWh,
        String stopReason,
        long version) {

    public long energyWh() {
        long latest = meterStopWh != null ? meterStopWh : meterLastWh != null ? meterLastWh : meterStartWh;
        return Math.max(0, latest - meterStartWh);
    }

    public Duration duration(Instant now) {
        return Duration.between(startedAt, endedAt != null ? endedAt : now);
    }

    /** The transaction with a newer meter reading; an older one changes nothing. */
    public ChargingTransaction metered(long wh, Instant at) {
        if (meterLastAt != null && !at.isAfter(meterLastAt)) {
            return this;
        }
        return new ChargingTransaction(
                id,
                workspaceId,
                chargerId,
                chargePointId,
                evseId,
                connectorId,
                chargerTransactionId,
                idToken,
                vehicleId,
                authorizationStatus,
                active,
                startedAt,
                endedAt,
                meterStartWh,
                wh,
                at,
                meterStopWh,
                stopReason,
                version);
    }

    /** The transaction ended; ending twice keeps the first end. */
    public ChargingTransaction ended(Instant at, Long stopWh, String reason) {
        if (!active) {
            return this;
        }
        Instant end = at.isBefore(startedAt) ? startedAt : at;
        return new ChargingTransaction(
                id,
                workspaceId,
                chargerId,
                chargePointId,
                evseId,
                connectorId,
                chargerTransactionId,
                idToken,
                vehicleId,
                authorizationStatus,
                false,
                startedAt,
                end,
                meterStartWh,
                meterLastWh,
                meterLastAt,
                stopWh != null ? stopWh : meterLastWh,
                reason,
                version);
    }
}
