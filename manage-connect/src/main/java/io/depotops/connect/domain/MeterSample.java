package io.depotops.connect.domain;

import java.time.Instant;

/**
 * The measurands a depot needs, sampled at one time at one connector (OCPP 1.6 connector N is
 * EVSE N with connector 1; EVSE 0 / connector 0 is the main meter). Units are normalised: Wh, W,
 * A, V, percent. Each measurand is null when the charger did not send it. {@code transactionId}
 * and {@code chargerTransactionId} as in {@link TransactionEvent}; both null outside a transaction.
 */
public record MeterSample(
        Integer evseId,
        int connectorId,
        Long transactionId,
        String chargerTransactionId,
        Instant timestamp,
        Long energyWh,
        Double powerW,
        Double currentA,
        Double voltageV,
        Double stateOfChargePercent) {

    public MeterSample withTransaction(Long id, String chargerId, Integer evse, int connector) {
        return new MeterSample(
                evse, connector, id, chargerId, timestamp, energyWh, powerW, currentA, voltageV, stateOfChargePercent);
    }
}
