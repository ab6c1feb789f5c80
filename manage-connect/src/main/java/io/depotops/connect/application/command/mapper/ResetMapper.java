package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** RESET: Reset; 2.0.1 Hard stops transactions and resets now (Immediate), Soft waits (OnIdle). */
@Singleton
final class ResetMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.RESET;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return new OcppCall("Reset", object().put("type", text(command, "type")));
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        String type = "Hard".equals(text(command, "type")) ? "Immediate" : "OnIdle";
        return new OcppCall("Reset", object().put("type", type));
    }
}
