package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.object;

import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** CLEAR_CACHE: ClearCache. */
@Singleton
final class ClearCacheMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.CLEAR_CACHE;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return new OcppCall("ClearCache", object());
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return new OcppCall("ClearCache", object());
    }
}
