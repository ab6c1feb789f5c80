package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.centralIdToken;
import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SEND_LOCAL_LIST: SendLocalList. An entry without a status goes without token info, which removes
 * the token in a Differential update.
 */
@Singleton
final class SendLocalListMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.SEND_LOCAL_LIST;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return list(command, true);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return list(command, false);
    }

    private static OcppCall list(ChargerCommand command, boolean v16) {
        ObjectNode payload = object().put(v16 ? "listVersion" : "versionNumber", integer(command, "version"))
                .put("updateType", text(command, "updateType"));
        List<?> entries = (List<?>) command.parameters().get("entries");
        if (!entries.isEmpty()) { // 2.0.1 refuses an empty list: a Full update without one clears it
            ArrayNode list = payload.putArray("localAuthorizationList");
            entries.forEach(entry -> list.add(entry((Map<?, ?>) entry, v16)));
        }
        return new OcppCall("SendLocalList", payload);
    }

    private static ObjectNode entry(Map<?, ?> entry, boolean v16) {
        ObjectNode node = object();
        String idToken = (String) entry.get("idToken");
        if (v16) {
            node.put("idTag", idToken);
        } else {
            node.set("idToken", centralIdToken(idToken));
        }
        Object status = entry.get("status");
        if (status != null) {
            ObjectNode info = node.putObject(v16 ? "idTagInfo" : "idTokenInfo").put("status", (String) status);
            if (entry.get("expiry") != null) {
                info.put(
                        v16 ? "expiryDate" : "cacheExpiryDateTime",
                        Instant.parse(String.valueOf(entry.get("expiry"))).toString());
            }
        }
        return node;
    }
}
