package io.depotops.connect.domain;

import java.time.Instant;
import java.util.Map;

/**
 * How a {@link ChargerCommand} ended. {@code response} is the charger's answer payload when it
 * answered (else null); {@code detail} says why, or the charger's status word.
 */
public record CommandResult(
        String commandId,
        String chargePointId,
        String workspaceId,
        Outcome outcome,
        String detail,
        Map<String, Object> response,
        Instant completedAt) {

    public enum Outcome {
        /** The charger answered and accepted (Accepted, Scheduled, Unlocked). */
        ACCEPTED,
        /** The charger answered and refused; its status word is in the detail. */
        REJECTED,
        /** CALLERROR, an invalid answer, or a command that cannot be sent (invalid parameters). */
        FAILED,
        /** No answer within the call timeout, or the deadline passed before sending. */
        TIMED_OUT,
        /** The charger is not connected (to this instance, or to any). */
        OFFLINE
    }

    public static CommandResult of(ChargerCommand command, Outcome outcome, String detail, Instant at) {
        return new CommandResult(
                command.commandId(), command.chargePointId(), command.workspaceId(), outcome, detail, null, at);
    }
}
