package io.depotops.chargepointsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * How a charge point answers the CSMS's CALLs. {@link #accepting()} answers the common commands of
 * both versions as a willing charger does; {@link #answering} overrides one action.
 */
@FunctionalInterface
public interface Responder {

    Reply answer(OcppVersion version, String action, JsonNode payload);

    /** What a charge point does with a CALL of the CSMS. */
    sealed interface Reply {
        record Result(String payloadJson) implements Reply {}

        record Error(String code, String description) implements Reply {}

        /** No answer at all (the CSMS's call times out). */
        record Silence() implements Reply {}

        static Reply result(String payloadJson) {
            return new Result(payloadJson);
        }

        static Reply error(String code, String description) {
            return new Error(code, description);
        }

        static Reply silence() {
            return new Silence();
        }
    }

    /** This responder, but {@code action} answered by {@code override}. */
    default Responder answering(String action, Responder override) {
        Responder fallback = this;
        return (version, called, payload) -> called.equals(action)
                ? override.answer(version, called, payload)
                : fallback.answer(version, called, payload);
    }

    /**
     * Accepted (or its version's equivalent) for RemoteStart/Stop, RequestStart/Stop, Reset,
     * TriggerMessage, Set/ClearChargingProfile, ChangeConfiguration, SetVariables, GetVariables,
     * ChangeAvailability, UnlockConnector, ClearCache, DataTransfer, firmware, diagnostics and log
     * requests, local lists and reservations; NotImplemented for anything else.
     */
    static Responder accepting() {
        return Accepting.INSTANCE;
    }

    final class Accepting implements Responder {
        static final Accepting INSTANCE = new Accepting();
        private static final String ACCEPTED = "{\"status\":\"Accepted\"}";
        private static final Map<String, String> COMMON = new HashMap<>();

        static {
            for (String action : new String[] {
                "RemoteStartTransaction",
                "RemoteStopTransaction",
                "RequestStartTransaction",
                "RequestStopTransaction",
                "Reset",
                "TriggerMessage",
                "SetChargingProfile",
                "ClearChargingProfile",
                "ChangeConfiguration",
                "ChangeAvailability",
                "ClearCache",
                "DataTransfer",
                "SendLocalList",
                "ReserveNow",
                "CancelReservation",
                "GetLog",
                "SetNetworkProfile",
                "CertificateSigned",
                "InstallCertificate",
                "DeleteCertificate",
                "ClearVariableMonitoring",
                "SetMonitoringBase",
                "SetMonitoringLevel",
                "GetReport",
                "GetBaseReport",
                "GetCompositeSchedule",
                "CustomerInformation",
                "PublishFirmware",
                "UnpublishFirmware",
                "ClearDisplayMessage",
                "SetDisplayMessage",
                "CostUpdated"
            }) {
                COMMON.put(action, ACCEPTED);
            }
            COMMON.put("UnlockConnector", "{\"status\":\"Unlocked\"}");
            COMMON.put("GetLocalListVersion", "{\"versionNumber\":0}");
        }

        @Override
        public Reply answer(OcppVersion version, String action, JsonNode payload) {
            return switch (action) {
                case "UpdateFirmware" -> Reply.result(version == OcppVersion.V16 ? "{}" : ACCEPTED);
                case "GetDiagnostics" -> Reply.result("{}");
                case "GetConfiguration" -> Reply.result("{\"configurationKey\":[],\"unknownKey\":[]}");
                case "GetLocalListVersion" -> Reply.result("{\"listVersion\":0}");
                case "SetVariables" ->
                    Reply.result(variableResults(
                            payload, "setVariableData", "setVariableResult", "attributeStatus", "Accepted"));
                case "GetVariables" ->
                    Reply.result(variableResults(
                            payload, "getVariableData", "getVariableResult", "attributeStatus", "UnknownVariable"));
                default -> {
                    String answer = COMMON.get(action);
                    yield answer != null
                            ? Reply.result(answer)
                            : Reply.error("NotImplemented", "the simulator does not handle " + action);
                }
            };
        }

        /** One result per requested variable, echoing its component and variable. */
        private static String variableResults(
                JsonNode payload, String requests, String results, String statusField, String status) {
            var array = Frames.JSON.createArrayNode();
            for (JsonNode request : payload.path(requests)) {
                var result = array.addObject();
                result.put(statusField, status);
                result.set("component", request.path("component"));
                result.set("variable", request.path("variable"));
            }
            var body = Frames.JSON.createObjectNode();
            body.set(results, array);
            return body.toString();
        }
    }
}
