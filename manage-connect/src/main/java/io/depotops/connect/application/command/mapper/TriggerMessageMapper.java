package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.putIfPresent;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** TRIGGER_MESSAGE: TriggerMessage, for a connector (1.6) or an EVSE (2.0.1) when one is named. */
@Singleton
final class TriggerMessageMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.TRIGGER_MESSAGE;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload = object().put("requestedMessage", text(command, "message"));
        putIfPresent(payload, "connectorId", integer(command, "evseId"));
        return new OcppCall("TriggerMessage", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        ObjectNode payload = object().put("requestedMessage", text(command, "message"));
        Integer evse = integer(command, "evseId");
        if (evse != null) {
            payload.putObject("evse").put("id", evse);
        }
        return new OcppCall("TriggerMessage", payload);
    }
}
