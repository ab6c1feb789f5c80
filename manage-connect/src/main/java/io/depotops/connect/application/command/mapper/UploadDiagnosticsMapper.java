package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.requestId;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** UPLOAD_DIAGNOSTICS: 1.6 GetDiagnostics; 2.0.1 GetLog of the DiagnosticsLog. */
@Singleton
final class UploadDiagnosticsMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.UPLOAD_DIAGNOSTICS;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return new OcppCall("GetDiagnostics", object().put("location", text(command, "location")));
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        ObjectNode payload = object().put("logType", "DiagnosticsLog").put("requestId", requestId(command));
        payload.putObject("log").put("remoteLocation", text(command, "location"));
        return new OcppCall("GetLog", payload);
    }
}
