package io.depotops.connect.application.command;

import io.depotops.connect.domain.CommandResult;

/**
 * Port: publishes a command's result ({@code connect.command.result.v1}) durably and in order with
 * the other facts of the charger (the outbox). Returns once the result is safe; throws if not.
 */
public interface CommandResults {

    void publish(CommandResult result);
}
