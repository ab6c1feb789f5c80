package io.depotops.connect.application.command.mapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import java.time.Instant;
import java.util.List;

/** Reads a command's checked parameters and builds the payload parts the mappers share. */
final class Payloads {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {}

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static Integer integer(ChargerCommand command, String name) {
        Object value = command.parameters().get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    static String text(ChargerCommand command, String name) {
        return (String) command.parameters().get(name);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(ChargerCommand command, String name) {
        Object value = command.parameters().get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    /** An instant parameter as OCPP writes it (ISO-8601, UTC). */
    static String instant(ChargerCommand command, String name) {
        return Instant.parse(String.valueOf(command.parameters().get(name))).toString();
    }

    static void putIfPresent(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** A 2.0.1 IdTokenType of a token depotops decides: type Central. */
    static ObjectNode centralIdToken(String idToken) {
        return JSON.objectNode().put("idToken", idToken).put("type", "Central");
    }

    /** 2.0.1 requests need an integer id (remoteStartId, requestId); derived from the command id. */
    static int requestId(ChargerCommand command) {
        return command.commandId().hashCode() & 0x7fffffff;
    }
}
