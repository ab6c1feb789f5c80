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
        CLEAR_CHARGING_LIMIT,
        /**
         * {@code keys} (list of strings, optional in 1.6: all keys). In 2.0.1 each key is {@code
         * Component.Variable} (split at the first dot) and at least one is required. The values
         * are in the result's {@code response}.
         */
        GET_CONFIGURATION,
        /** {@code key} (string; 2.0.1 {@code Component.Variable}), {@code value} (string). */
        SET_CONFIGURATION,
        /** No parameters: clears the charger's authorisation cache. */
        CLEAR_CACHE,
        /** {@code evseId} (int, 0 = whole charger), {@code durationSeconds} (int), {@code unit} ({@code W} or {@code A}, optional). */
        GET_COMPOSITE_SCHEDULE,
        /**
         * {@code location} (URI of the firmware), {@code retrieveAt} (instant), {@code retries}
         * (int, optional), {@code retryIntervalSeconds} (int, optional).
         */
        UPDATE_FIRMWARE,
        /** {@code location} (URI the charger uploads its diagnostics log to). */
        UPLOAD_DIAGNOSTICS,
        /**
         * {@code version} (int), {@code updateType} ({@code Full} or {@code Differential}), {@code
         * entries} (list of {@code {idToken, status?, expiry?}}; status {@code Accepted}, {@code
         * Blocked}, {@code Expired} or {@code Invalid}; an entry without status removes the token in
         * a Differential update).
         */
        SEND_LOCAL_LIST,
        /** No parameters: the version of the charger's local authorisation list. */
        GET_LOCAL_LIST_VERSION,
        /**
         * {@code evseId} (int, 0 = any EVSE), {@code idToken} (string), {@code expiresAt} (instant),
         * {@code reservationId} (int).
         */
        RESERVE_NOW,
        /** {@code reservationId} (int). */
        CANCEL_RESERVATION,
        /** {@code vendorId} (string), {@code messageId} (string, optional), {@code data} (optional; 1.6: a string, other JSON is sent as its text). */
        DATA_TRANSFER,
        /**
         * {@code action} (string), {@code payload} (object, optional: {@code {}}): any action the
         * central system may send in the charger's version, sent as is (schema-validated).
         */
        OCPP_CALL
    }
}
