package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** GET_COMPOSITE_SCHEDULE: GetCompositeSchedule of a connector (1.6) or an EVSE (2.0.1). */
@Singleton
final class GetCompositeScheduleMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.GET_COMPOSITE_SCHEDULE;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return schedule(command, "connectorId");
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return schedule(command, "evseId");
    }

    private static OcppCall schedule(ChargerCommand command, String evseField) {
        ObjectNode payload = object().put(evseField, integer(command, "evseId"))
                .put("duration", integer(command, "durationSeconds"));
        if (text(command, "unit") != null) {
            payload.put("chargingRateUnit", text(command, "unit"));
        }
        return new OcppCall("GetCompositeSchedule", payload);
    }
}
