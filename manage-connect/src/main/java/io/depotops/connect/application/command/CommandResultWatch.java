package io.depotops.connect.application.command;

import io.depotops.connect.domain.CommandResult;
import java.util.concurrent.CompletableFuture;

/**
 * Port: the results other connect instances publish, for a command this instance forwarded and an
 * operator waits for. Watch before forwarding, so that a fast result is not missed.
 */
public interface CommandResultWatch {

    /** Completes with the command's result when an instance publishes it. */
    CompletableFuture<CommandResult> watch(String commandId);

    /** Stops watching (the operator stopped waiting). */
    void forget(String commandId);
}
