package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** SET_CONFIGURATION: 1.6 ChangeConfiguration; 2.0.1 SetVariables of one Component.Variable. */
@Singleton
final class SetConfigurationMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.SET_CONFIGURATION;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload = object().put("key", text(command, "key")).put("value", text(command, "value"));
        return new OcppCall("ChangeConfiguration", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        ObjectNode payload = object();
        payload.putArray("setVariableData")
                .add(GetConfigurationMapper.componentVariable(text(command, "key"))
                        .put("attributeValue", text(command, "value")));
        return new OcppCall("SetVariables", payload);
    }
}
