package io.depotops.connect.application.ocpp16;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.AuthorizationStatus;

/** Payload parts the OCPP 1.6 handlers share. */
final class Ocpp16Payloads {

    private Ocpp16Payloads() {}

    /** 1.6 IdTagInfo; 1.6 has no "Unknown" status: an unknown token is Invalid. */
    static ObjectNode idTagInfo(ObjectMapper mapper, Authorization decision) {
        AuthorizationStatus status =
                decision.status() == AuthorizationStatus.UNKNOWN ? AuthorizationStatus.INVALID : decision.status();
        ObjectNode info = mapper.createObjectNode().put("status", status.ocppName());
        if (decision.expiresAt() != null) {
            info.put("expiryDate", decision.expiresAt().toString());
        }
        if (decision.groupIdToken() != null && decision.groupIdToken().length() <= 20) {
            info.put("parentIdTag", decision.groupIdToken());
        }
        return info;
    }

    static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
