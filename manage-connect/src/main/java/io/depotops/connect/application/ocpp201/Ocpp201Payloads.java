package io.depotops.connect.application.ocpp201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.Authorization;

/** Payload parts the OCPP 2.0.1 handlers share. */
final class Ocpp201Payloads {

    private Ocpp201Payloads() {}

    /** 2.0.1 IdTokenInfo: the statuses map one to one. */
    static ObjectNode idTokenInfo(ObjectMapper mapper, Authorization decision) {
        ObjectNode info =
                mapper.createObjectNode().put("status", decision.status().ocppName());
        if (decision.expiresAt() != null) {
            info.put("cacheExpiryDateTime", decision.expiresAt().toString());
        }
        if (decision.groupIdToken() != null) {
            info.putObject("groupIdToken")
                    .put("idToken", decision.groupIdToken())
                    .put("type", "Central");
        }
        return info;
    }

    static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
