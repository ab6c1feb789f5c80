package io.depotops.connect.ocpp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.connect.application.session.OcppSessions;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.DevTokens;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Connect's REST API checks the caller's workspace claim (issue 13): sessions and commands of a
 * charger of another workspace answer 404, as if the charger did not exist; a command sent here is
 * recorded for core like one sent through core's API.
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
class ConnectTenancyTest {

    private static final String MINE = "TENANT-A-CP";
    private static final String THEIRS = "OTHERWS-TENANT-B-CP";

    @TestHTTPResource("/")
    URI base;

    @Inject
    OcppSessions sessions;

    private final String operatorOfA = DevTokens.token("operator", CoreStub.WORKSPACE.toString());

    private OcppClient connected(String id) throws Exception {
        OcppClient client = OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, "ocpp1.6");
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> sessions.find(id).isPresent());
        return client;
    }

    @Test
    void sessionsOfAnotherWorkspaceAreNotListedNorFound() throws Exception {
        try (OcppClient mine = connected(MINE);
                OcppClient theirs = connected(THEIRS)) {
            List<String> listed = given().auth()
                    .oauth2(operatorOfA)
                    .get("/api/v1/sessions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("chargePointId");
            assertThat(listed).contains(MINE).doesNotContain(THEIRS);
            given().auth()
                    .oauth2(operatorOfA)
                    .get("/api/v1/sessions/" + MINE)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(operatorOfA)
                    .get("/api/v1/sessions/" + THEIRS)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            // a platform operator sees both
            assertThat(given().auth()
                            .oauth2(DevTokens.token("viewer", "*"))
                            .get("/api/v1/sessions")
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("chargePointId"))
                    .contains(MINE, THEIRS);
        }
    }

    @Test
    void aCommandToAChargerOfAnotherWorkspaceIsNotFoundAndNothingIsSent() throws Exception {
        try (OcppClient theirs = connected(THEIRS)) {
            for (Map<String, Object> request : List.<Map<String, Object>>of(
                    Map.of("chargePointId", THEIRS, "command", "RESET", "parameters", Map.of("type", "Soft")),
                    Map.of(
                            "chargePointId",
                            THEIRS,
                            "workspaceId",
                            CoreStub.OTHER_WORKSPACE.toString(),
                            "command",
                            "RESET",
                            "parameters",
                            Map.of("type", "Soft")),
                    Map.of(
                            "chargePointId",
                            THEIRS,
                            "workspaceId",
                            CoreStub.WORKSPACE.toString(),
                            "command",
                            "RESET",
                            "parameters",
                            Map.of("type", "Soft")))) {
                given().auth()
                        .oauth2(operatorOfA)
                        .contentType("application/json")
                        .body(request)
                        .post("/api/v1/commands")
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json");
            }
            assertThat(theirs.poll(Duration.ofSeconds(1)))
                    .as("a call reached the charger")
                    .isNull();
        }
    }

    @Test
    void aCommandSentHereIsRecordedForCoreBeforeItRuns() throws Exception {
        try (TestQueue requested = TestQueue.bind(Exchanges.EVENTS, EventTypes.CONNECT_COMMAND_REQUESTED_V1)) {
            // not connected: OFFLINE at once, and still recorded with who asked
            given().auth()
                    .oauth2(operatorOfA)
                    .contentType("application/json")
                    .body(Map.of("chargePointId", MINE, "command", "RESET", "parameters", Map.of("type", "Hard")))
                    .post("/api/v1/commands")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("OFFLINE"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !requested.deliveries().isEmpty());
            var event = DepotopsEvents.deserialize(requested.deliveries().get(0).body());
            JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(event.getData().toBytes());
            assertThat(data.get("chargePointId").asText()).isEqualTo(MINE);
            assertThat(data.get("workspaceId").asText()).isEqualTo(CoreStub.WORKSPACE.toString());
            assertThat(data.get("command").asText()).isEqualTo("RESET");
            assertThat(data.get("requestedBy").asText()).isEqualTo("test-operator");
        }
    }
}
