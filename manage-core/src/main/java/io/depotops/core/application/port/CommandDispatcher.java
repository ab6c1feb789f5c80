package io.depotops.core.application.port;

import io.depotops.core.domain.ChargerCommand;

/** Hands a command to the connect instance holding the charger, in the caller's transaction. */
public interface CommandDispatcher {

    void dispatch(ChargerCommand command);
}
