package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;

import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** GET_LOCAL_LIST_VERSION: GetLocalListVersion. */
@Singleton
final class GetLocalListVersionMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.GET_LOCAL_LIST_VERSION;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return new OcppCall("GetLocalListVersion", object());
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return new OcppCall("GetLocalListVersion", object());
    }
}
