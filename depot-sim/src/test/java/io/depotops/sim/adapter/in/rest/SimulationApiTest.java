package io.depotops.sim.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.platform.testing.DevTokens;
import io.depotops.sim.Configs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Configs and runs through the API: schema, examples, versions, run lifecycle, report, agent actions, roles. */
@QuarkusTest
class SimulationApiTest {

    private final String workspace = UUID.randomUUID().toString();
    private final String operator = DevTokens.token("operator", workspace);

    @Test
    void anExampleIsStoredVersionedAndRunToItsReportWhichOutlivesTheRun() {
        String example = as(operator)
                .get("/api/v1/simulation-config/examples/bus-depot-40")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String configId = as(operator)
                .body(example)
                .post("/api/v1/workspaces/{ws}/simulation-configs", workspace)
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("document.chargers[0].idPrefix", equalTo("BUS-CP-"))
                .extract()
                .path("id");

        ObjectNode changed = (ObjectNode) read(example);
        changed.put("name", "40 buses, second try");
        as(operator)
                .body(changed.toString())
                .put("/api/v1/workspaces/{ws}/simulation-configs/{id}", workspace, configId)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-configs/{id}/versions/1", workspace, configId)
                .then()
                .statusCode(200)
                .body("name", equalTo("40-bus depot, overnight charging at 150 kW DC"));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-configs", workspace)
                .then()
                .statusCode(200)
                .body("name", hasItem("40 buses, second try"));

        String runId = as(operator)
                .body(Map.of("configId", configId, "configVersion", 1, "speed", 1000))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(201)
                .body("state", equalTo("CREATED"))
                .body("seed", equalTo(40))
                .extract()
                .path("id");
        as(operator)
                .body(Map.of("duration", "PT6H"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/step", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("PAUSED"));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/live", workspace, runId)
                .then()
                .statusCode(200)
                .body("virtualTime", equalTo("2026-12-01T21:00:00Z"))
                .body("chargers", hasSize(40))
                .body("vehicles.state", hasItem("PLUGGED"));
        as(operator)
                .body(Map.of("duration", "PT18H"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/step", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("FINISHED"))
                .body("endedAt", notNullValue());

        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/report", workspace, runId)
                .then()
                .statusCode(200)
                .body("departures", equalTo(40))
                .body("readyAtDeparture", equalTo(40))
                .body("limitViolationSeconds", equalTo(0));
        float peak = as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/report", workspace, runId)
                .then()
                .extract()
                .path("peakPowerKw");
        assertThat(peak).isBetween(2000f, 3000f);
        as(operator)
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/start", workspace, runId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aStartedRunMovesOnInRealTimeTimesItsSpeedAndStopsWithItsReport() {
        String configId = store(Configs.smallDepot(2, 2, 500).toString());
        String runId = as(operator)
                .body(Map.of("configId", configId, "speed", 600))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(operator)
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/start", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("RUNNING"));
        // x600: ten virtual minutes a real second
        await().atMost(Duration.ofSeconds(10))
                .until(() -> virtualTime(runId).isAfter(Instant.parse("2026-12-01T17:20:00Z")));
        as(operator)
                .body(Map.of("duration", "PT1H"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/step", workspace, runId)
                .then()
                .statusCode(409);
        as(operator)
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/pause", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("PAUSED"));
        Instant paused = virtualTime(runId);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(virtualTime(runId)).isEqualTo(paused);

        as(operator)
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/stop", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("STOPPED"));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("STOPPED"));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/report", workspace, runId)
                .then()
                .statusCode(200)
                .body("virtualTime", equalTo(paused.toString()))
                .body("departures", equalTo(0));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/live", workspace, runId)
                .then()
                .statusCode(409);
    }

    @Test
    void agentActionsChangeTheLiveRunAndImpossibleOnesAreRefusedNamingTheField() {
        String configId = store(Configs.smallDepot(2, 2, 1000).toString());
        String runId = as(operator)
                .body(Map.of("configId", configId))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(operator)
                .body(Map.of("duration", "PT2H30M"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/step", workspace, runId)
                .then()
                .statusCode(200);
        as(operator)
                .body(Map.of("type", "CHANGE_LIMIT", "nodeId", "grid", "limitKw", 120))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/actions", workspace, runId)
                .then()
                .statusCode(200)
                .body("sitePowerKw", equalTo(120.0f));
        as(operator)
                .body(Map.of("type", "UNPLUG", "vehicleId", "BUS-01"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/actions", workspace, runId)
                .then()
                .statusCode(200)
                .body("vehicles.find { it.id == 'BUS-01' }.state", equalTo("PARKED"));
        as(operator)
                .body(Map.of("type", "FAULT", "chargerId", "CP-02"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/actions", workspace, runId)
                .then()
                .statusCode(200)
                .body("chargers.find { it.id == 'CP-02' }.status", equalTo("Faulted"));
        as(operator)
                .body(Map.of("type", "UNPLUG", "vehicleId", "BUS-01"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/actions", workspace, runId)
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("vehicleId"));
        as(operator)
                .body(Map.of("type", "RECOVER"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/actions", workspace, runId)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("chargerId"));
        as(operator)
                .body(Map.of("type", "EXPLODE"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/actions", workspace, runId)
                .then()
                .statusCode(400);
    }

    @Test
    void aRunDrivingAnUnreachableSuiteIsRefusedOrKeepsRetryingAndSaysSo() {
        String configId = store(Configs.smallDepot(2, 2, 500).toString());
        // core unreachable: registration fails, nothing is created
        as(operator)
                .body(Map.of("configId", configId, "suite", Map.of("register", true)))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/dependency-unavailable"));
        // chargers registered elsewhere: they need their password
        as(operator)
                .body(Map.of("configId", configId, "suite", Map.of("register", false)))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("suite.chargerPassword"));
        // connect unreachable: the run goes on, its chargers keep trying and the suite view says so
        String runId = as(operator)
                .body(Map.of(
                        "configId",
                        configId,
                        "suite",
                        Map.of(
                                "register",
                                false,
                                "chargerPassword",
                                "a-password-of-20-chars",
                                "chargePointPrefix",
                                "T-")))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/suite", workspace, runId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("problems", String.class)
                        .stream()
                        .anyMatch(p -> p.startsWith("connect failed")));
        as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/suite", workspace, runId)
                .then()
                .body("chargers", equalTo(2))
                .body("chargersAccepted", equalTo(0));
        as(operator)
                .body(Map.of("duration", "PT24H"))
                .post("/api/v1/workspaces/{ws}/simulation-runs/{id}/step", workspace, runId)
                .then()
                .statusCode(200)
                .body("state", equalTo("FINISHED"));
    }

    @Test
    void anInvalidConfigIsRefusedWithAProblemNamingEachPath() {
        ObjectNode doc = Configs.smallDepot(2, 2, 500);
        doc.remove("site");
        doc.put("duration", "P9D");
        ((ObjectNode) doc.withArray("vehicles").get(0)).put("targetSocPercent", 140);
        as(operator)
                .body(doc.toString())
                .post("/api/v1/workspaces/{ws}/simulation-configs", workspace)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/validation-failed"))
                .body("errors.field", hasItems("/site", "/vehicles/0/targetSocPercent"));

        ObjectNode tooLong = Configs.smallDepot(2, 2, 500);
        tooLong.put("duration", "P9D");
        ((ObjectNode) tooLong.withArray("chargers").get(0)).put("siteNode", "nowhere");
        as(operator)
                .body(tooLong.toString())
                .post("/api/v1/workspaces/{ws}/simulation-configs", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("/duration", "/chargers/0/siteNode"));
        as(operator)
                .body(Map.of("configId", UUID.randomUUID(), "speed", 5000))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("speed"));
    }

    @Test
    void viewersReadAndOtherWorkspacesSeeNothing() {
        String configId = store(Configs.smallDepot(1, 1, 500).toString());
        String viewer = DevTokens.token("viewer", workspace);
        as(viewer)
                .get("/api/v1/workspaces/{ws}/simulation-configs/{id}", workspace, configId)
                .then()
                .statusCode(200);
        as(viewer)
                .body(Configs.smallDepot(1, 1, 500).toString())
                .post("/api/v1/workspaces/{ws}/simulation-configs", workspace)
                .then()
                .statusCode(403);
        as(viewer)
                .body(Map.of("configId", configId))
                .post("/api/v1/workspaces/{ws}/simulation-runs", workspace)
                .then()
                .statusCode(403);
        String stranger = DevTokens.token("admin", UUID.randomUUID().toString());
        as(stranger)
                .get("/api/v1/workspaces/{ws}/simulation-configs/{id}", workspace, configId)
                .then()
                .statusCode(404);
        given().get("/api/v1/simulation-config/schema").then().statusCode(401);
        as(viewer)
                .get("/api/v1/simulation-config/schema")
                .then()
                .statusCode(200)
                .body("title", equalTo("SimulationConfigV1"));
        as(viewer)
                .get("/api/v1/simulation-config/examples")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("bus-depot-40", "van-depot-200", "mixed-depot"));
    }

    private String store(String document) {
        return as(operator)
                .body(document)
                .post("/api/v1/workspaces/{ws}/simulation-configs", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Instant virtualTime(String runId) {
        return Instant.parse(as(operator)
                .get("/api/v1/workspaces/{ws}/simulation-runs/{id}/live", workspace, runId)
                .then()
                .statusCode(200)
                .extract()
                .path("virtualTime"));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return Configs.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
