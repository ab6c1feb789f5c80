package io.depotops.connect.application.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a version-independent command to the OCPP call of a charger's version. Parameters were
 * checked by {@link CommandParameters}; what cannot be mapped for the version raises {@link
 * InvalidCommandException}.
 *
 * <p>Charging limits: a profile per EVSE with id {@link #PROFILE_ID_BASE} + evseId at stack level
 * {@link #STACK_LEVEL}, in W, kind Absolute from now (a new limit replaces the EVSE's previous one).
 * EVSE 0 (the whole charger) gets a ChargePointMaxProfile (2.0.1: ChargingStationMaxProfile); an
 * EVSE &gt; 0 a TxDefaultProfile, which caps the running and the next transactions of that EVSE
 * without naming a transaction and outlives them, as a depot planner's per-connector cap should.
 *
 * <p>2.0.1 configuration keys are {@code Component.Variable}, split at the first dot (component
 * and variable names of the 2.0.1 device model contain no dots): {@code
 * OCPPCommCtrlr.HeartbeatInterval} is component {@code OCPPCommCtrlr}, variable {@code
 * HeartbeatInterval}, attribute Actual, no EVSE or instance.
 */
final class CommandCalls {

    /** A mapped OCPP call. */
    record OcppCall(String action, ObjectNode payload) {}

    /** The command cannot be sent to this charger (e.g. a transaction id that cannot be mapped). */
    static final class InvalidCommandException extends RuntimeException {
        InvalidCommandException(String message) {
            super(message);
        }
    }

    /** The charging profiles depotops installs: id = base + evseId. */
    static final int PROFILE_ID_BASE = 900_000;

    /** Stack level of depotops' charging profiles; clearing without an EVSE clears this level. */
    static final int STACK_LEVEL = 1;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CommandCalls() {}

    /**
     * @param chargerTransactionIds core's transaction id -> the 2.0.1 charger's transaction id,
     *     from the transactions connect saw start
     */
    static OcppCall map(
            ChargerCommand command,
            OcppVersion version,
            java.util.function.LongFunction<Optional<String>> chargerTransactionIds,
            Instant now) {
        Map<String, Object> p = command.parameters();
        boolean v16 = version == OcppVersion.V16;
        ObjectNode payload = JSON.objectNode();
        return switch (command.type()) {
            case REMOTE_START -> {
                if (v16) {
                    putIfPresent(payload, "connectorId", integer(p, "evseId"));
                    payload.put("idTag", (String) p.get("idToken"));
                    yield new OcppCall("RemoteStartTransaction", payload);
                }
                putIfPresent(payload, "evseId", integer(p, "evseId"));
                payload.put("remoteStartId", requestId(command.commandId()));
                payload.putObject("idToken")
                        .put("idToken", (String) p.get("idToken"))
                        .put("type", "Central");
                yield new OcppCall("RequestStartTransaction", payload);
            }
            case REMOTE_STOP -> {
                Long coreId = p.get("transactionId") == null ? null : ((Number) p.get("transactionId")).longValue();
                String chargerId = (String) p.get("chargerTransactionId");
                if (v16) {
                    long id;
                    if (coreId != null) {
                        id = coreId;
                    } else {
                        try {
                            id = Long.parseLong(chargerId);
                        } catch (NumberFormatException e) {
                            throw new InvalidCommandException(
                                    "chargerTransactionId " + chargerId + " is not a 1.6 transaction id (an integer)");
                        }
                    }
                    if (id > Integer.MAX_VALUE || id < Integer.MIN_VALUE) {
                        throw new InvalidCommandException("transaction id " + id + " is out of range for OCPP 1.6");
                    }
                    payload.put("transactionId", (int) id);
                    yield new OcppCall("RemoteStopTransaction", payload);
                }
                String transaction = chargerId != null
                        ? chargerId
                        : chargerTransactionIds
                                .apply(coreId)
                                .orElseThrow(() -> new InvalidCommandException("transaction " + coreId
                                        + " is not an open transaction of this charger that connect knows;"
                                        + " send chargerTransactionId"));
                payload.put("transactionId", transaction);
                yield new OcppCall("RequestStopTransaction", payload);
            }
            case RESET -> {
                String type = (String) p.get("type");
                // 2.0.1: Hard stops transactions and resets now (Immediate); Soft waits for them (OnIdle).
                payload.put("type", v16 ? type : "Hard".equals(type) ? "Immediate" : "OnIdle");
                yield new OcppCall("Reset", payload);
            }
            case UNLOCK_CONNECTOR -> {
                int evse = integer(p, "evseId");
                Integer connector = integer(p, "connectorId");
                if (v16) {
                    // 1.6 connector N is EVSE N with one connector.
                    if (connector != null && connector != 1) {
                        throw new InvalidCommandException("an OCPP 1.6 EVSE has one connector (connectorId 1)");
                    }
                    payload.put("connectorId", evse);
                } else {
                    payload.put("evseId", evse).put("connectorId", connector == null ? 1 : connector);
                }
                yield new OcppCall("UnlockConnector", payload);
            }
            case CHANGE_AVAILABILITY -> {
                int evse = integer(p, "evseId");
                String status = Boolean.TRUE.equals(p.get("operative")) ? "Operative" : "Inoperative";
                if (v16) {
                    payload.put("connectorId", evse).put("type", status);
                } else {
                    if (evse > 0) {
                        payload.putObject("evse").put("id", evse);
                    }
                    payload.put("operationalStatus", status);
                }
                yield new OcppCall("ChangeAvailability", payload);
            }
            case TRIGGER_MESSAGE -> {
                payload.put("requestedMessage", (String) p.get("message"));
                Integer evse = integer(p, "evseId");
                if (evse != null) {
                    if (v16) {
                        payload.put("connectorId", evse);
                    } else {
                        payload.putObject("evse").put("id", evse);
                    }
                }
                yield new OcppCall("TriggerMessage", payload);
            }
            case SET_CHARGING_LIMIT -> setLimit(p, v16, now, payload);
            case CLEAR_CHARGING_LIMIT -> {
                Integer evse = integer(p, "evseId");
                if (v16) {
                    if (evse != null) {
                        payload.put("id", PROFILE_ID_BASE + evse);
                    } else {
                        payload.put("stackLevel", STACK_LEVEL);
                    }
                } else if (evse != null) {
                    payload.put("chargingProfileId", PROFILE_ID_BASE + evse);
                } else {
                    payload.putObject("chargingProfileCriteria").put("stackLevel", STACK_LEVEL);
                }
                yield new OcppCall("ClearChargingProfile", payload);
            }
            case GET_CONFIGURATION -> {
                List<String> keys = strings(p, "keys");
                if (v16) {
                    if (!keys.isEmpty()) {
                        keys.forEach(payload.putArray("key")::add);
                    }
                    yield new OcppCall("GetConfiguration", payload);
                }
                if (keys.isEmpty()) {
                    throw new InvalidCommandException("OCPP 2.0.1 GetVariables needs keys (Component.Variable);"
                            + " for a full report send OCPP_CALL GetBaseReport");
                }
                ArrayNode data = payload.putArray("getVariableData");
                keys.forEach(key -> data.add(componentVariable(key)));
                yield new OcppCall("GetVariables", payload);
            }
            case SET_CONFIGURATION -> {
                String key = (String) p.get("key");
                String value = (String) p.get("value");
                if (v16) {
                    payload.put("key", key).put("value", value);
                    yield new OcppCall("ChangeConfiguration", payload);
                }
                payload.putArray("setVariableData").add(componentVariable(key).put("attributeValue", value));
                yield new OcppCall("SetVariables", payload);
            }
            case CLEAR_CACHE -> new OcppCall("ClearCache", payload);
            case GET_COMPOSITE_SCHEDULE -> {
                payload.put(v16 ? "connectorId" : "evseId", integer(p, "evseId"))
                        .put("duration", integer(p, "durationSeconds"));
                if (p.get("unit") != null) {
                    payload.put("chargingRateUnit", (String) p.get("unit"));
                }
                yield new OcppCall("GetCompositeSchedule", payload);
            }
            case UPDATE_FIRMWARE -> {
                String location = (String) p.get("location");
                String retrieveAt =
                        Instant.parse(String.valueOf(p.get("retrieveAt"))).toString();
                putIfPresent(payload, "retries", integer(p, "retries"));
                putIfPresent(payload, "retryInterval", integer(p, "retryIntervalSeconds"));
                if (v16) {
                    payload.put("location", location).put("retrieveDate", retrieveAt);
                } else {
                    payload.put("requestId", requestId(command.commandId()));
                    payload.putObject("firmware").put("location", location).put("retrieveDateTime", retrieveAt);
                }
                yield new OcppCall("UpdateFirmware", payload);
            }
            case UPLOAD_DIAGNOSTICS -> {
                String location = (String) p.get("location");
                if (v16) {
                    payload.put("location", location);
                    yield new OcppCall("GetDiagnostics", payload);
                }
                payload.put("logType", "DiagnosticsLog").put("requestId", requestId(command.commandId()));
                payload.putObject("log").put("remoteLocation", location);
                yield new OcppCall("GetLog", payload);
            }
            case SEND_LOCAL_LIST -> {
                payload.put(v16 ? "listVersion" : "versionNumber", integer(p, "version"))
                        .put("updateType", (String) p.get("updateType"));
                List<?> entries = (List<?>) p.get("entries");
                if (!entries.isEmpty()) { // 2.0.1 refuses an empty list: a Full update without one clears it
                    ArrayNode list = payload.putArray("localAuthorizationList");
                    entries.forEach(entry -> list.add(listEntry((Map<?, ?>) entry, v16)));
                }
                yield new OcppCall("SendLocalList", payload);
            }
            case GET_LOCAL_LIST_VERSION -> new OcppCall("GetLocalListVersion", payload);
            case RESERVE_NOW -> {
                int evse = integer(p, "evseId");
                String idToken = (String) p.get("idToken");
                String expiresAt =
                        Instant.parse(String.valueOf(p.get("expiresAt"))).toString();
                int reservationId = integer(p, "reservationId");
                if (v16) {
                    payload.put("connectorId", evse)
                            .put("expiryDate", expiresAt)
                            .put("idTag", idToken)
                            .put("reservationId", reservationId);
                } else {
                    payload.put("id", reservationId).put("expiryDateTime", expiresAt);
                    payload.putObject("idToken").put("idToken", idToken).put("type", "Central");
                    if (evse > 0) {
                        payload.put("evseId", evse);
                    }
                }
                yield new OcppCall("ReserveNow", payload);
            }
            case CANCEL_RESERVATION -> {
                payload.put("reservationId", integer(p, "reservationId"));
                yield new OcppCall("CancelReservation", payload);
            }
            case DATA_TRANSFER -> {
                payload.put("vendorId", (String) p.get("vendorId"));
                if (p.get("messageId") != null) {
                    payload.put("messageId", (String) p.get("messageId"));
                }
                Object data = p.get("data");
                if (data != null) {
                    JsonNode node = MAPPER.valueToTree(data);
                    // 1.6 data is a string: other JSON goes as its text
                    payload.set("data", v16 && !node.isTextual() ? JSON.textNode(node.toString()) : node);
                }
                yield new OcppCall("DataTransfer", payload);
            }
            case OCPP_CALL -> {
                String action = (String) p.get("action");
                if (OcppActions.sentByCharger(version, action) && !"DataTransfer".equals(action)) {
                    throw new InvalidCommandException(action + " is sent by chargers, not to them");
                }
                Object body = p.get("payload");
                yield new OcppCall(action, body == null ? payload : MAPPER.valueToTree(body));
            }
        };
    }

    /** {@code Component.Variable} as a 2.0.1 component and variable (see the class comment). */
    private static ObjectNode componentVariable(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new InvalidCommandException(
                    "key " + key + " is not Component.Variable (OCPP 2.0.1 names each variable by its component)");
        }
        ObjectNode node = JSON.objectNode();
        node.putObject("component").put("name", key.substring(0, dot));
        node.putObject("variable").put("name", key.substring(dot + 1));
        return node;
    }

    private static ObjectNode listEntry(Map<?, ?> entry, boolean v16) {
        ObjectNode node = JSON.objectNode();
        String idToken = (String) entry.get("idToken");
        if (v16) {
            node.put("idTag", idToken);
        } else {
            node.putObject("idToken").put("idToken", idToken).put("type", "Central");
        }
        Object status = entry.get("status");
        if (status != null) { // none: the token is removed (Differential)
            ObjectNode info = node.putObject(v16 ? "idTagInfo" : "idTokenInfo").put("status", (String) status);
            if (entry.get("expiry") != null) {
                info.put(
                        v16 ? "expiryDate" : "cacheExpiryDateTime",
                        Instant.parse(String.valueOf(entry.get("expiry"))).toString());
            }
        }
        return node;
    }

    private static OcppCall setLimit(Map<String, Object> p, boolean v16, Instant now, ObjectNode payload) {
        int evse = integer(p, "evseId");
        double watts = Math.round(((Number) p.get("limitKw")).doubleValue() * 1000.0);
        String start = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String validTo = p.get("validTo") == null
                ? null
                : Instant.parse(String.valueOf(p.get("validTo"))).toString();
        if (validTo != null && !Instant.parse(validTo).isAfter(now)) {
            throw new InvalidCommandException("validTo " + validTo + " has passed");
        }
        String purpose = evse == 0 ? (v16 ? "ChargePointMaxProfile" : "ChargingStationMaxProfile") : "TxDefaultProfile";
        ObjectNode profile = JSON.objectNode();
        profile.put(v16 ? "chargingProfileId" : "id", PROFILE_ID_BASE + evse)
                .put("stackLevel", STACK_LEVEL)
                .put("chargingProfilePurpose", purpose)
                .put("chargingProfileKind", "Absolute");
        if (validTo != null) {
            profile.put("validTo", validTo);
        }
        ObjectNode schedule = JSON.objectNode();
        if (!v16) {
            schedule.put("id", PROFILE_ID_BASE + evse);
        }
        schedule.put("startSchedule", start).put("chargingRateUnit", "W");
        schedule.putArray("chargingSchedulePeriod")
                .addObject()
                .put("startPeriod", 0)
                .put("limit", watts);
        if (v16) {
            profile.set("chargingSchedule", schedule);
            payload.put("connectorId", evse).set("csChargingProfiles", profile);
        } else {
            profile.putArray("chargingSchedule").add(schedule);
            payload.put("evseId", evse).set("chargingProfile", profile);
        }
        return new OcppCall("SetChargingProfile", payload);
    }

    /** 2.0.1 requests need an integer id (remoteStartId, requestId); derived from the command id. */
    static int requestId(String commandId) {
        return commandId.hashCode() & 0x7fffffff;
    }

    private static Integer integer(Map<String, Object> p, String name) {
        Object value = p.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> p, String name) {
        Object value = p.get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    private static void putIfPresent(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
