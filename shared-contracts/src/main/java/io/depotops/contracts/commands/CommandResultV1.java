package io.depotops.contracts.commands;

import java.time.Instant;
import java.util.Map;

/**
 * {@code connect.command.result.v1}: how a {@link ChargerCommandV1} ended. {@code response} is the
 * charger's answer payload when it answered; {@code detail} says why otherwise.
 */
public record CommandResultV1(
        String commandId,
        String chargePointId,
        Outcome outcome,
        String detail,
        Map<String, Object> response,
        Instant completedAt) {

    public enum Outcome {
        /** The charger answered and accepted. */
        ACCEPTED,
        /** The charger answered and refused (its status word is in {@code detail}). */
        REJECTED,
        /** The charger answered with a CALLERROR. */
        FAILED,
        /** No answer within the call timeout, or the deadline had passed. */
        TIMED_OUT,
        /** The charger is not connected to any connect instance. */
        OFFLINE
    }
}
