package io.depotops.contracts.commands;

import java.time.Instant;
import java.util.Map;

/**
 * {@code connect.command.requested.v1}: an operator sent a command to a charger through connect's
 * own API (the frontend calls connect directly). Core records it like one sent through its API, so
 * each charger has one history of commands; the {@link CommandResultV1} with the same {@code
 * commandId} closes it. Published before the command is sent, on the charger's aggregate.
 *
 * @param requestedBy the operator's subject (JWT {@code sub})
 */
public record CommandRequestedV1(
        String commandId,
        String chargePointId,
        String workspaceId,
        ChargerCommandV1.Command command,
        Map<String, Object> parameters,
        String requestedBy,
        Instant requestedAt,
        Instant deadline) {}
