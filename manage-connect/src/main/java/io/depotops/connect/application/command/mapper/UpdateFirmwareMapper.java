package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.instant;
import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.putIfPresent;
import static io.depotops.connect.application.command.mapper.Payloads.requestId;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** UPDATE_FIRMWARE: UpdateFirmware; 2.0.1 with a requestId from the command id. */
@Singleton
final class UpdateFirmwareMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.UPDATE_FIRMWARE;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload = retries(command);
        payload.put("location", text(command, "location")).put("retrieveDate", instant(command, "retrieveAt"));
        return new OcppCall("UpdateFirmware", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        ObjectNode payload = retries(command);
        payload.put("requestId", requestId(command));
        payload.putObject("firmware")
                .put("location", text(command, "location"))
                .put("retrieveDateTime", instant(command, "retrieveAt"));
        return new OcppCall("UpdateFirmware", payload);
    }

    private static ObjectNode retries(ChargerCommand command) {
        ObjectNode payload = object();
        putIfPresent(payload, "retries", integer(command, "retries"));
        putIfPresent(payload, "retryInterval", integer(command, "retryIntervalSeconds"));
        return payload;
    }
}
