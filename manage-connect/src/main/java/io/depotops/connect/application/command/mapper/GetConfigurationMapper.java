package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.strings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * GET_CONFIGURATION: 1.6 GetConfiguration (no keys: all of them); 2.0.1 GetVariables, one {@code
 * getVariableData} per key, which is {@code Component.Variable} ({@link #componentVariable}).
 */
@Singleton
final class GetConfigurationMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.GET_CONFIGURATION;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload = object();
        List<String> keys = strings(command, "keys");
        if (!keys.isEmpty()) {
            keys.forEach(payload.putArray("key")::add);
        }
        return new OcppCall("GetConfiguration", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        List<String> keys = strings(command, "keys");
        if (keys.isEmpty()) {
            throw new InvalidCommandException("OCPP 2.0.1 GetVariables needs keys (Component.Variable);"
                    + " for a full report send OCPP_CALL GetBaseReport");
        }
        ObjectNode payload = object();
        ArrayNode data = payload.putArray("getVariableData");
        keys.forEach(key -> data.add(componentVariable(key)));
        return new OcppCall("GetVariables", payload);
    }

    /**
     * A 2.0.1 configuration key {@code Component.Variable}, split at the first dot (component and
     * variable names of the 2.0.1 device model contain no dots): {@code
     * OCPPCommCtrlr.HeartbeatInterval} is component {@code OCPPCommCtrlr}, variable {@code
     * HeartbeatInterval}, attribute Actual, no EVSE or instance.
     */
    static ObjectNode componentVariable(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new InvalidCommandException(
                    "key " + key + " is not Component.Variable (OCPP 2.0.1 names each variable by its component)");
        }
        ObjectNode node = object();
        node.putObject("component").put("name", key.substring(0, dot));
        node.putObject("variable").put("name", key.substring(dot + 1));
        return node;
    }
}
