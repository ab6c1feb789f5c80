package io.depotops.connect.application.command.mapper;

import io.depotops.connect.domain.ChargerCommand;

/**
 * Maps one version-independent command to the OCPP call of each version. The command's parameters
 * were checked by {@code CommandParameters}; what cannot be sent to a charger of a version raises
 * {@link InvalidCommandException} (the command ends FAILED). {@link CommandMappers} collects every
 * bean of this type, one per command.
 */
public interface CommandMapper {

    ChargerCommand.Type type();

    OcppCall to16(ChargerCommand command);

    OcppCall to201(ChargerCommand command);
}
