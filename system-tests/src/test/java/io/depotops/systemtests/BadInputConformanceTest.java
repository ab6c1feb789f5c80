package io.depotops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each class of bad input once per version, answered with the CALLERROR of connect's README table
 * (OCPP-J 4.2.3 / 2.0.1 part 4 section 4.3); the session stays up, so a Heartbeat still gets its
 * answer. Error names differ per version: 1.6 spells FormationViolation and
 * OccurenceConstraintViolation.
 */
class BadInputConformanceTest extends SystemTest {

    private static String expected(String version, String in201, String in16) {
        return version.equals(V201) ? in201 : in16;
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void notJson(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            JsonNode answer = cp.exchange("this is [not json");
            assertCallError(answer, expected(version, "RpcFrameworkError", "FormationViolation"));
            assertThat(answer.get(1).asText()).isEqualTo("-1");
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void unknownMessageType(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            JsonNode answer = cp.exchange("[7,\"type-7\",\"Heartbeat\",{}]");
            assertCallError(answer, expected(version, "MessageTypeNotSupported", "GenericError"));
            assertThat(answer.get(1).asText()).isEqualTo("type-7");
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void unknownAction(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            assertCallError(cp.call("NoSuchAction", "{}"), "NotImplemented");
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void actionAChargerNeverSends(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            JsonNode answer = version.equals(V201)
                    ? cp.call(
                            "RequestStartTransaction",
                            "{\"idToken\":{\"idToken\":\"T\",\"type\":\"Central\"},\"remoteStartId\":1}")
                    : cp.call("RemoteStartTransaction", "{\"idTag\":\"T\"}");
            assertCallError(answer, "NotSupported");
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void missingRequiredField(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            JsonNode answer = version.equals(V201)
                    ? cp.call("BootNotification", "{\"reason\":\"PowerUp\"}")
                    : cp.call("BootNotification", "{\"chargePointVendor\":\"system-tests\"}");
            assertCallError(answer, expected(version, "OccurrenceConstraintViolation", "OccurenceConstraintViolation"));
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void wrongJsonType(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            JsonNode answer = version.equals(V201)
                    ? cp.call(
                            "StatusNotification",
                            "{\"timestamp\":\"" + now()
                                    + "\",\"connectorStatus\":\"Available\",\"evseId\":\"one\",\"connectorId\":1}")
                    : cp.call(
                            "StatusNotification",
                            "{\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"}");
            assertCallError(answer, "TypeConstraintViolation");
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void badEnumValue(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            JsonNode answer = version.equals(V201)
                    ? cp.call(
                            "StatusNotification",
                            "{\"timestamp\":\"" + now()
                                    + "\",\"connectorStatus\":\"Sleeping\",\"evseId\":1,\"connectorId\":1}")
                    : cp.call(
                            "StatusNotification",
                            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}");
            assertCallError(answer, "PropertyConstraintViolation");
            assertStillUp(cp);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void propertyTheSchemaDoesNotAllow(String version) throws Exception {
        try (OcppClient cp = booted(core.charger(version))) {
            assertCallError(
                    cp.call("Heartbeat", "{\"extra\":true}"),
                    expected(version, "FormatViolation", "FormationViolation"));
            assertStillUp(cp);
        }
    }

    /**
     * core rejects the boot of a charger it no longer knows (removed after the handshake); until a
     * boot is accepted only BootNotification is answered.
     */
    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void B03_messageBeforeBootAcceptedIsRefused(String version) throws Exception {
        Charger charger = core.charger(version);
        try (OcppClient cp = connect(charger)) {
            core.deleteCharger(charger);
            // connect's copy of the registry learns of the removal within moments (ADR 0010)
            await().atMost(EVENTUAL)
                    .until(() -> cp.callResult("BootNotification", bootNotification(charger))
                            .get("status")
                            .asText()
                            .equals("Rejected"));
            assertCallError(cp.call("Heartbeat", "{}"), "SecurityError");
            // the session is still up: a BootNotification is answered
            assertThat(cp.call("BootNotification", bootNotification(charger))
                            .get(0)
                            .asInt())
                    .isEqualTo(3);
        }
    }
}
