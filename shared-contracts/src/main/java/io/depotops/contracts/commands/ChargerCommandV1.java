package io.depotops.contracts.commands;

import java.time.Instant;
import java.util.Map;

/**
 * A command to one charger, published (JSON, content type {@code application/json}, message id =
 * {@code commandId}) on exchange {@code depotops.commands} with routing key {@code
 * chargepoint.<chargePointId>}. The connect instance holding the charger's socket sends the OCPP
 * call of the charger's version and publishes a {@link CommandResultV1}; a charger that is not
 * connected, or a deadline that passes, still gets a result, never silence.
 *
 * @param command what to do, independent of the OCPP version
 * @param parameters the command's parameters, by name (see {@link Command})
 * @param deadline when the command is no longer worth sending (connect answers TIMED_OUT)
 */
public record ChargerCommandV1(
        String commandId,
        String chargePointId,
        String workspaceId,
        Command command,
        Map<String, Object> parameters,
        Instant requestedAt,
        Instant deadline) {

    /** Commands and their parameters. */
    public enum Command {
        /** {@code evseId} (int, optional), {@code idToken} (string). */
        REMOTE_START,
        /** {@code transactionId} (core's id, long) or {@code chargerTransactionId} (string). */
        REMOTE_STOP,
        /** {@code type}: {@code Soft} or {@code Hard}. */
        RESET,
        /** {@code evseId} (int), {@code connectorId} (int, optional). */
        UNLOCK_CONNECTOR,
        /** {@code evseId} (int, 0 = whole charger), {@code operative} (boolean). */
        CHANGE_AVAILABILITY,
        /** {@code message}: BootNotification, Heartbeat, StatusNotification, MeterValues; {@code evseId} (optional). */
        TRIGGER_MESSAGE,
        /** {@code evseId} (int), {@code limitKw} (number), {@code validTo} (instant, optional). */
        SET_CHARGING_LIMIT,
        /** {@code evseId} (int, optional): removes depotops' charging limits. */
        CLEAR_CHARGING_LIMIT
    }
}
