package io.depotops.connect.application.command;

import io.depotops.connect.domain.ChargerCommand;

/**
 * Port: records an operator's command sent through connect's API ({@code
 * connect.command.requested.v1}) durably and before it is sent, so that core keeps one history of
 * commands per charger whichever API they came through.
 */
public interface CommandRequests {

    void requested(ChargerCommand command, String requestedBy);
}
