package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.centralIdToken;
import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.putIfPresent;
import static io.depotops.connect.application.command.mapper.Payloads.requestId;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** REMOTE_START: 1.6 RemoteStartTransaction, 2.0.1 RequestStartTransaction. */
@Singleton
final class RemoteStartMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.REMOTE_START;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload = object();
        putIfPresent(payload, "connectorId", integer(command, "evseId"));
        payload.put("idTag", text(command, "idToken"));
        return new OcppCall("RemoteStartTransaction", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        ObjectNode payload = object();
        putIfPresent(payload, "evseId", integer(command, "evseId"));
        payload.put("remoteStartId", requestId(command));
        payload.set("idToken", centralIdToken(text(command, "idToken")));
        return new OcppCall("RequestStartTransaction", payload);
    }
}
