package io.depotops.contracts.events.connect;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code connect.charger.transaction-event.v1}: a transaction started, was updated or ended at a
 * charger, in terms of both OCPP versions (1.6 StartTransaction/StopTransaction, 2.0.1
 * TransactionEvent).
 *
 * @param eventType {@code Started}, {@code Updated} or {@code Ended}
 * @param transactionId the id connect allocated at {@code Started}, under which core records the
 *     transaction (the integer OCPP 1.6 uses); for 2.0.1 null when connect does not know it (then
 *     {@code chargerTransactionId} links)
 * @param chargerTransactionId OCPP 2.0.1's transactionId string; null in 1.6
 * @param meterWh the energy register in Wh at {@code timestamp} (meterStart, meterStop or the
 *     2.0.1 Energy.Active.Import.Register), or null
 * @param stopReason OCPP's Reason (1.6) or stoppedReason (2.0.1) when {@code Ended}
 * @param seqNo OCPP 2.0.1 seqNo; null in 1.6
 */
@EventType(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1)
public record TransactionEventV1(
        String chargePointId,
        String ocppVersion,
        String eventType,
        Long transactionId,
        String chargerTransactionId,
        Integer evseId,
        int connectorId,
        String idToken,
        Long meterWh,
        Instant timestamp,
        String stopReason,
        Integer seqNo) {}
