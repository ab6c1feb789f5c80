package io.depotops.connect.application.command;

import io.depotops.connect.domain.ChargerCommand;

/** Port: hands a command to whichever instance holds the charger (the commands exchange). */
public interface CommandForwarding {

    /** Returns once the broker has taken the command; throws if it did not. */
    void forward(ChargerCommand command);
}
