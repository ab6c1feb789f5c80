package io.depotops.connect.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A command to one charger, independent of the OCPP version: what to do and its parameters by
 * name. {@code deadline} (may be null) is when it is no longer worth sending.
 */
public record ChargerCommand(
        String commandId,
        String chargePointId,
        String workspaceId,
        Type type,
        Map<String, Object> parameters,
        Instant requestedAt,
        Instant deadline) {

    public ChargerCommand {
        parameters = parameters == null ? Map.of() : parameters;
    }

    /** The commands connect can send. */
    public enum Type {
        REMOTE_START,
        REMOTE_STOP,
        RESET,
        UNLOCK_CONNECTOR,
        CHANGE_AVAILABILITY,
        TRIGGER_MESSAGE,
        SET_CHARGING_LIMIT,
        CLEAR_CHARGING_LIMIT,
        GET_CONFIGURATION,
        SET_CONFIGURATION,
        CLEAR_CACHE,
        GET_COMPOSITE_SCHEDULE,
        UPDATE_FIRMWARE,
        UPLOAD_DIAGNOSTICS,
        SEND_LOCAL_LIST,
        GET_LOCAL_LIST_VERSION,
        RESERVE_NOW,
        CANCEL_RESERVATION,
        DATA_TRANSFER,
        OCPP_CALL
    }
}
