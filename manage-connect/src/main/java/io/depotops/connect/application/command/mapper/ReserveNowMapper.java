package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.centralIdToken;
import static io.depotops.connect.application.command.mapper.Payloads.instant;
import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** RESERVE_NOW: ReserveNow; 2.0.1 without an EVSE for EVSE 0 (any EVSE). */
@Singleton
final class ReserveNowMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.RESERVE_NOW;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        ObjectNode payload = object().put("connectorId", (int) integer(command, "evseId"))
                .put("expiryDate", instant(command, "expiresAt"))
                .put("idTag", text(command, "idToken"))
                .put("reservationId", (int) integer(command, "reservationId"));
        return new OcppCall("ReserveNow", payload);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        ObjectNode payload = object().put("id", (int) integer(command, "reservationId"))
                .put("expiryDateTime", instant(command, "expiresAt"));
        payload.set("idToken", centralIdToken(text(command, "idToken")));
        int evse = integer(command, "evseId");
        if (evse > 0) {
            payload.put("evseId", evse);
        }
        return new OcppCall("ReserveNow", payload);
    }
}
