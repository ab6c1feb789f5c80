package io.depotops.contracts.events.connect;

import java.time.Instant;

/**
 * {@code connect.charger.meter-values.v1}: one sampled meter value of a connector, the measurands a
 * depot needs. {@code transactionId} as in {@link TransactionEventV1}; null outside a transaction.
 * Each measurand is null when the charger did not send it.
 */
public record MeterValuesV1(
        String chargePointId,
        String ocppVersion,
        Integer evseId,
        int connectorId,
        Long transactionId,
        String chargerTransactionId,
        Instant timestamp,
        Long energyWh,
        Double powerW,
        Double currentA,
        Double voltageV,
        Double stateOfChargePercent) {}
