package io.depotops.core.application.port;

import io.depotops.core.domain.ChargerCommand;
import java.util.Set;

/** Hands a command to the connect instance holding the charger, in the caller's transaction. */
public interface CommandDispatcher {

    void dispatch(ChargerCommand command);

    /**
     * The commands a charger understands whatever its OCPP version: those of the command contract
     * connect implements.
     */
    Set<String> commands();
}
