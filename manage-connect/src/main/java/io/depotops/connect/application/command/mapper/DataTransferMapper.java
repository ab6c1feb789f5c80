package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.JSON;
import static io.depotops.connect.application.command.mapper.Payloads.MAPPER;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** DATA_TRANSFER: DataTransfer; 1.6 data is a string, so other JSON goes as its text. */
@Singleton
final class DataTransferMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.DATA_TRANSFER;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return transfer(command, true);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return transfer(command, false);
    }

    private static OcppCall transfer(ChargerCommand command, boolean dataAsText) {
        ObjectNode payload = object().put("vendorId", text(command, "vendorId"));
        if (text(command, "messageId") != null) {
            payload.put("messageId", text(command, "messageId"));
        }
        Object data = command.parameters().get("data");
        if (data != null) {
            JsonNode node = MAPPER.valueToTree(data);
            payload.set("data", dataAsText && !node.isTextual() ? JSON.textNode(node.toString()) : node);
        }
        return new OcppCall("DataTransfer", payload);
    }
}
