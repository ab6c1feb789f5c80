package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** CHANGE_AVAILABILITY: ChangeAvailability of an EVSE, or of the whole charger (EVSE 0). */
@Singleton
final class ChangeAvailabilityMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.CHANGE_AVAILABILITY;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload =
                object().put("connectorId", (int) integer(command, "evseId")).put("type", status(command));
        return new OcppCall("ChangeAvailability", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        int evse = integer(command, "evseId");
        ObjectNode payload = object();
        if (evse > 0) {
            payload.putObject("evse").put("id", evse);
        }
        payload.put("operationalStatus", status(command));
        return new OcppCall("ChangeAvailability", payload);
    }

    private static String status(ChargerCommand command) {
        return Boolean.TRUE.equals(command.parameters().get("operative")) ? "Operative" : "Inoperative";
    }
}
