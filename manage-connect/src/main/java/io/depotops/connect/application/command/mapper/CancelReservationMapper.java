package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.integer;
import static io.depotops.connect.application.command.mapper.Payloads.object;

import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import jakarta.inject.Singleton;

/** CANCEL_RESERVATION: CancelReservation. */
@Singleton
final class CancelReservationMapper implements CommandMapper {

    @Override
    public Type type() {
        return Type.CANCEL_RESERVATION;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return cancel(command);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return cancel(command);
    }

    private static OcppCall cancel(ChargerCommand command) {
        return new OcppCall("CancelReservation", object().put("reservationId", integer(command, "reservationId")));
    }
}
