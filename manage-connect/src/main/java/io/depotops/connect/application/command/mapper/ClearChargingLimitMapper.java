package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/**
 * CLEAR_CHARGING_LIMIT: ClearChargingProfile of the EVSE's depotops profile, or without an EVSE
 * every profile at depotops' stack level ({@link SetChargingLimitMapper}).
 */
@Singleton
final class ClearChargingLimitMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.CLEAR_CHARGING_LIMIT;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        Integer evse = integer(command, "evseId");
        ObjectNode payload = evse != null
                ? object().put("id", SetChargingLimitMapper.PROFILE_ID_BASE + evse)
                : object().put("stackLevel", SetChargingLimitMapper.STACK_LEVEL);
        return new OcppCall("ClearChargingProfile", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        Integer evse = integer(command, "evseId");
        ObjectNode payload = object();
        if (evse != null) {
            payload.put("chargingProfileId", SetChargingLimitMapper.PROFILE_ID_BASE + evse);
        } else {
            payload.putObject("chargingProfileCriteria").put("stackLevel", SetChargingLimitMapper.STACK_LEVEL);
        }
        return new OcppCall("ClearChargingProfile", payload);
    }
}
