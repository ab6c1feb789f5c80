package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** UNLOCK_CONNECTOR: UnlockConnector; a 1.6 connector N is EVSE N with one connector. */
@Singleton
final class UnlockConnectorMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.UNLOCK_CONNECTOR;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        Integer connector = integer(command, "connectorId");
        if (connector != null && connector != 1) {
            throw new InvalidCommandException("an OCPP 1.6 EVSE has one connector (connectorId 1)");
        }
        return new OcppCall("UnlockConnector", object().put("connectorId", (int) integer(command, "evseId")));
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        Integer connector = integer(command, "connectorId");
        ObjectNode payload = object().put("evseId", (int) integer(command, "evseId"))
                .put("connectorId", connector == null ? 1 : connector);
        return new OcppCall("UnlockConnector", payload);
    }
}
