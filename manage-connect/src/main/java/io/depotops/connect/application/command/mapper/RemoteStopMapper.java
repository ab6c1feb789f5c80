package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import io.depotops.connect.application.transaction.TransactionService;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/**
 * REMOTE_STOP of a transaction named by core's id or by the charger's: 1.6 RemoteStopTransaction
 * (core's id is the 1.6 id); 2.0.1 RequestStopTransaction with the charger's id, looked up from
 * core's id among the open transactions connect saw start.
 */
@Singleton
final class RemoteStopMapper implements CommandMapper {

    private final TransactionService transactions;

    RemoteStopMapper(TransactionService transactions) {
        this.transactions = transactions;
    }

    @Override
    public Type type() {
        return Type.REMOTE_STOP;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        Long coreId = coreId(command);
        String chargerId = text(command, "chargerTransactionId");
        long id;
        if (coreId != null) {
            id = coreId;
        } else {
            try {
                id = Long.parseLong(chargerId);
            } catch (NumberFormatException e) {
                throw new InvalidCommandException(
                        "chargerTransactionId " + chargerId + " is not a 1.6 transaction id (an integer)");
            }
        }
        if (id > Integer.MAX_VALUE || id < Integer.MIN_VALUE) {
            throw new InvalidCommandException("transaction id " + id + " is out of range for OCPP 1.6");
        }
        return new OcppCall("RemoteStopTransaction", object().put("transactionId", (int) id));
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        Long coreId = coreId(command);
        String chargerId = text(command, "chargerTransactionId");
        String transaction = chargerId != null
                ? chargerId
                : transactions
                        .chargerTransactionId(command.chargePointId(), coreId)
                        .orElseThrow(() -> new InvalidCommandException("transaction " + coreId
                                + " is not an open transaction of this charger that connect knows;"
                                + " send chargerTransactionId"));
        return new OcppCall("RequestStopTransaction", object().put("transactionId", transaction));
    }

    private static Long coreId(ChargerCommand command) {
        Object value = command.parameters().get("transactionId");
        return value == null ? null : ((Number) value).longValue();
    }
}
