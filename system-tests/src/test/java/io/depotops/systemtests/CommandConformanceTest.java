package io.depotops.systemtests;

import static io.depotops.systemtests.Messages.startTransaction16;
import static io.depotops.systemtests.Messages.transactionStarted201;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import io.depotops.systemtests.CoreApi.Vehicle;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands from core's API to the charger and back: core -> RabbitMQ -> the connect instance that
 * holds the charger -> OCPP CALL -> the charger's answer -> the result event -> core's command.
 */
class CommandConformanceTest extends SystemTest {

    private static final Duration CALL_ARRIVES = Duration.ofSeconds(15);

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void F01_remoteStartFromCore(String version) throws Exception {
        Charger charger = core.charger(version);
        Vehicle vehicle = core.vehicle();
        try (OcppClient cp = booted(charger)) {
            UUID command =
                    core.sendCommand(charger, "REMOTE_START", Map.of("evseId", 1, "idToken", vehicle.idTag()), 30);
            JsonNode call = cp.expectCall(remoteStartAction(version), CALL_ARRIVES);
            if (version.equals(V16)) {
                assertThat(call.at("/3/idTag").asText()).isEqualTo(vehicle.idTag());
                assertThat(call.at("/3/connectorId").asInt()).isEqualTo(1);
            } else {
                assertThat(call.at("/3/idToken/idToken").asText()).isEqualTo(vehicle.idTag());
                assertThat(call.at("/3/evseId").asInt()).isEqualTo(1);
                assertThat(call.at("/3/remoteStartId").asInt()).isPositive();
            }
            cp.reply(call, "{\"status\":\"Accepted\"}");
            awaitStatus(command, "ACCEPTED", EVENTUAL);
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void F01_remoteStartRejectedByTheCharger(String version) throws Exception {
        Charger charger = core.charger(version);
        try (OcppClient cp = booted(charger)) {
            UUID command = core.sendCommand(
                    charger,
                    "REMOTE_START",
                    Map.of("evseId", 1, "idToken", core.vehicle().idTag()),
                    30);
            cp.reply(cp.expectCall(remoteStartAction(version), CALL_ARRIVES), "{\"status\":\"Rejected\"}");
            JsonPath result = awaitStatus(command, "REJECTED", EVENTUAL);
            assertThat(result.getString("detail")).contains("Rejected");
        }
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void F03_remoteStopFromCore(String version) throws Exception {
        Charger charger = core.charger(version);
        Vehicle vehicle = core.vehicle();
        String chargerTransactionId = "TX-" + CoreApi.unique();
        try (OcppClient cp = booted(charger)) {
            long transactionId;
            if (version.equals(V16)) {
                transactionId = cp.callResult("StartTransaction", startTransaction16(vehicle.idTag(), 0))
                        .get("transactionId")
                        .asLong();
            } else {
                cp.callResult("TransactionEvent", transactionStarted201(chargerTransactionId, vehicle.idTag(), 0));
                await().atMost(EVENTUAL)
                        .untilAsserted(
                                () -> assertThat(core.transactionsOf(charger)).hasSize(1));
                transactionId = ((Number) core.transactionsOf(charger).get(0).get("id")).longValue();
            }

            UUID command = core.sendCommand(charger, "REMOTE_STOP", Map.of("transactionId", transactionId), 30);
            JsonNode call = cp.expectCall(
                    version.equals(V16) ? "RemoteStopTransaction" : "RequestStopTransaction", CALL_ARRIVES);
            // 1.6 knows core's id; a 2.0.1 charger its own
            assertThat(call.at("/3/transactionId").asText())
                    .isEqualTo(version.equals(V16) ? Long.toString(transactionId) : chargerTransactionId);
            cp.reply(call, "{\"status\":\"Accepted\"}");
            awaitStatus(command, "ACCEPTED", EVENTUAL);
        }
    }

    /** The charger receives the Reset and never answers: core closes the command at its deadline. */
    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void B11_B12_resetUnansweredTimesOut(String version) throws Exception {
        Charger charger = core.charger(version);
        try (OcppClient cp = booted(charger)) {
            UUID command = core.sendCommand(charger, "RESET", Map.of("type", "Soft"), 3);
            JsonNode call = cp.expectCall("Reset", CALL_ARRIVES);
            assertThat(call.at("/3/type").asText()).isEqualTo(version.equals(V16) ? "Soft" : "OnIdle");
            awaitStatus(command, "TIMED_OUT", Duration.ofSeconds(10));
        }
    }

    /**
     * No connect instance holds the charger, so its routing key is bound nowhere: the broker hands
     * the command back to core at once (mandatory publish), long before the deadline.
     */
    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void commandToAChargerNotConnectedIsOffline(String version) throws Exception {
        Charger neverConnected = core.charger(version);
        UUID first = core.sendCommand(neverConnected, "RESET", Map.of("type", "Hard"), 60);
        awaitStatus(first, "OFFLINE", Duration.ofSeconds(5));

        Charger gone = core.charger(version);
        try (OcppClient cp = booted(gone)) {
            assertStillUp(cp);
        }
        // unbound when the session ended, or (just after) connect answers OFFLINE itself
        UUID second = core.sendCommand(gone, "RESET", Map.of("type", "Hard"), 60);
        awaitStatus(second, "OFFLINE", Duration.ofSeconds(5));
    }

    private static String remoteStartAction(String version) {
        return version.equals(V16) ? "RemoteStartTransaction" : "RequestStartTransaction";
    }

    /** Waits until core closed the command, then checks how. */
    private static JsonPath awaitStatus(UUID command, String status, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !core.command(command).getString("status").equals("PENDING"));
        JsonPath result = core.command(command);
        assertThat(result.getString("status"))
                .as("command %s: %s", command, result.prettify())
                .isEqualTo(status);
        return result;
    }
}
