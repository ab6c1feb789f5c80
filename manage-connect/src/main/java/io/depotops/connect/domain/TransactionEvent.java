package io.depotops.connect.domain;

import java.time.Instant;

/**
 * A transaction started, was updated or ended at a charger, in terms of both OCPP versions.
 * {@code transactionId} is the id connect allocated at the start (the integer OCPP 1.6 uses, also
 * core's id of the transaction); null in 2.0.1 when connect does not know it. {@code chargerTransactionId} is the 2.0.1
 * charger's id (null in 1.6). {@code evseId} null and {@code connectorId} 0 when connect does not
 * know the connector (an OCPP 1.6 stop after connect restarted). {@code meterWh} is the energy
 * register at {@code timestamp}, or null.
 */
public record TransactionEvent(
        TransactionEventType type,
        Long transactionId,
        String chargerTransactionId,
        Integer evseId,
        int connectorId,
        String idToken,
        Long meterWh,
        Instant timestamp,
        String stopReason,
        Integer seqNo) {

    public TransactionEvent withTransaction(Long id, Integer evse, int connector) {
        return new TransactionEvent(
                type, id, chargerTransactionId, evse, connector, idToken, meterWh, timestamp, stopReason, seqNo);
    }
}
