package io.depotops.connect.application.command.mapper;

import static io.depotops.connect.application.command.mapper.Payloads.MAPPER;
import static io.depotops.connect.application.command.mapper.Payloads.object;
import static io.depotops.connect.application.command.mapper.Payloads.text;

import io.depotops.connect.application.session.PayloadValidator;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.ChargerCommand.Type;
import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import jakarta.inject.Singleton;

/**
 * OCPP_CALL: any action the schemas of the charger's version name and a central system sends, with
 * the payload as given (validated like every call connect sends). A charger-initiated action is
 * refused, except DataTransfer, which goes both ways.
 */
@Singleton
final class OcppCallMapper implements CommandMapper {

    private final PayloadValidator schemas;

    OcppCallMapper(PayloadValidator schemas) {
        this.schemas = schemas;
    }

    @Override
    public Type type() {
        return Type.OCPP_CALL;
    }

    @Override
    public OcppCall to16(ChargerCommand command) {
        return call(command, OcppVersion.V16);
    }

    @Override
    public OcppCall to201(ChargerCommand command) {
        return call(command, OcppVersion.V201);
    }

    private OcppCall call(ChargerCommand command, OcppVersion version) {
        String action = text(command, "action");
        if (schemas.knowsAction(version, action) && !OcppActions.sentToChargers(action)) {
            throw new InvalidCommandException(action + " is sent by chargers, not to them");
        }
        Object body = command.parameters().get("payload");
        return new OcppCall(action, body == null ? object() : MAPPER.valueToTree(body));
    }
}
