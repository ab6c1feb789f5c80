package io.depotops.contracts.events.connect;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code connect.charger.meter-values.v1}: one sampled meter value of a connector, the measurands a
 * depot needs. {@code transactionId} as in {@link TransactionEventV1}; null outside a transaction.
 * Each measurand is null when the charger did not send it.
 */
@EventType(EventTypes.CONNECT_CHARGER_METER_VALUES_V1)
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
