package io.depotops.core.adapter.in.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.depotops.contracts.schedule.ScheduleRequestV1;
import io.depotops.core.application.TelematicsIngestService;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.domain.TelematicsObservation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tariffs and the charging planner through core's API, against the real PostgreSQL; schedule-creator
 * is an HTTP stand-in ({@link ScheduleCreatorStandIn}) answering the contract, so that the test can
 * check what core sends (problem, service token) and fail the optimiser at will.
 */
@QuarkusTest
@QuarkusTestResource(value = ScheduleCreatorStandIn.class, restrictToAnnotatedClass = true)
class ChargingPlannerApiTest {

    private static final String SCHEDULES = "/internal/v1/schedules";

    @Inject
    TelematicsIngestService ingest;

    @Inject
    ObjectMapper json;

    private String workspace;
    private String operator;
    private String depot;
    private String site;
    private String chargerId;
    private String vehicle;
    private Instant departure;

    @BeforeEach
    void depotWithAVanAChargerAndABlock() {
        ScheduleCreatorStandIn.server.resetAll();
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        site = newSite(operator, workspace, depot);
        chargerId = as(operator)
                .body(charger(site, uniqueChargePointId()))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        vehicle = as(operator)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        uniqueVin(),
                        "fleetNumber",
                        "V-1",
                        "batteryKwh",
                        400,
                        "maxDcKw",
                        40,
                        "telematicsProvider",
                        "geotab",
                        "telematicsDeviceId",
                        "dev-" + UUID.randomUUID()))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        departure = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> block = new HashMap<>();
        block.put("depotId", depot);
        block.put("name", "Route 9");
        block.put("departureAt", departure.toString());
        block.put("returnAt", departure.plus(8, ChronoUnit.HOURS).toString());
        block.put("requiredEnergyKwh", 200);
        block.put("vehicleId", vehicle);
        as(operator)
                .body(block)
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(201);
    }

    private static Map<String, Object> tariff(List<Map<String, Object>> bands) {
        return Map.of("bands", bands, "defaultPricePerKwh", 0.20, "demandChargePerKw", 12.5);
    }

    private static Map<String, Object> band(List<String> days, String from, String to, double price) {
        return Map.of("days", days, "from", from, "to", to, "pricePerKwh", price);
    }

    private static final List<String> EVERY_DAY =
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    @Test
    void aSiteHasOneTariffReplacedWholeUnderItsETag() {
        String path = "/api/v1/workspaces/{ws}/sites/{id}/tariff";
        as(operator).get(path, workspace, site).then().statusCode(404);
        as(operator)
                .body(tariff(List.of(band(EVERY_DAY, "07:00", "22:00", 0.35))))
                .put(path, workspace, site)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("bands[0].from", equalTo("07:00"))
                .body("bands[0].days", hasSize(7))
                .body("demandChargePerKw", equalTo(12.5f));
        // A second writer without the ETag would overwrite blindly: refused, naming the version.
        as(operator)
                .body(tariff(List.of()))
                .put(path, workspace, site)
                .then()
                .statusCode(412)
                .body("extensions.currentVersion", equalTo(0));
        as(operator)
                .header("If-Match", "\"0\"")
                .body(tariff(List.of(band(List.of("SATURDAY", "SUNDAY"), "00:00", "00:00", 0.15))))
                .put(path, workspace, site)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("bands[0].to", equalTo("00:00"));
        as(token("viewer", workspace)).get(path, workspace, site).then().statusCode(200);
        as(token("viewer", workspace))
                .header("If-Match", "\"1\"")
                .body(tariff(List.of()))
                .put(path, workspace, site)
                .then()
                .statusCode(403);
        String otherWorkspace = newWorkspace();
        as(token("operator", otherWorkspace))
                .get(path, otherWorkspace, site)
                .then()
                .statusCode(404);
        as(operator).delete(path, workspace, site).then().statusCode(428);
        as(operator)
                .header("If-Match", "\"1\"")
                .delete(path, workspace, site)
                .then()
                .statusCode(204);
        as(operator).get(path, workspace, site).then().statusCode(404);
    }

    @Test
    void badTariffsAreProblemsNamingTheField() {
        String path = "/api/v1/workspaces/{ws}/sites/{id}/tariff";
        as(operator)
                .body(tariff(List.of(
                        band(EVERY_DAY, "07:00", "22:00", 0.35), band(List.of("MONDAY"), "21:00", "23:00", 0.4))))
                .put(path, workspace, site)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://depotops.io/problems/validation-failed"))
                .body("errors[0].field", equalTo("bands[1]"));
        as(operator)
                .body(tariff(List.of(band(EVERY_DAY, "22:00", "07:00", 0.35))))
                .put(path, workspace, site)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bands[0].to"));
        Response negative = as(operator)
                .body(tariff(List.of(band(EVERY_DAY, "07:00", "22:00", -1))))
                .put(path, workspace, site);
        negative.then().statusCode(400);
        assertThat(negative.jsonPath().getString("errors[0].field")).contains("pricePerKwh");
        as(operator)
                .body(tariff(List.of(band(List.of("FUNDAY"), "07:00", "22:00", 0.3))))
                .put(path, workspace, site)
                .then()
                .statusCode(400);
        as(operator)
                .body(tariff(List.of()))
                .put(path, workspace, UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void plansTheDepotWithTheOptimiserAndReadinessShowsThePlannedStateOfCharge() throws Exception {
        stateOfCharge(50);
        as(operator)
                .body(tariff(List.of(band(EVERY_DAY, "00:00", "00:00", 0.30))))
                .put("/api/v1/workspaces/{ws}/sites/{id}/tariff", workspace, site)
                .then()
                .statusCode(200);
        answerWithSchedule(0.8);

        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200)
                .body("plan.version", equalTo(1))
                .body("plan.vehicles[0].vehicleId", equalTo(vehicle))
                .body("plan.vehicles[0].chargerId", equalTo(chargerId))
                .body("plan.vehicles[0].socAtDeparturePercent", equalTo(80.0f))
                .body("plan.solver.status", equalTo("OPTIMAL"))
                .body("expired", equalTo(false));

        // What core asked: its problem in the contract, with its own service token for schedule-creator.
        List<LoggedRequest> sent = ScheduleCreatorStandIn.server.findAll(postRequestedFor(urlPathEqualTo(SCHEDULES)));
        assertThat(sent).hasSize(1);
        ScheduleRequestV1 problem = json.readValue(sent.get(0).getBodyAsString(), ScheduleRequestV1.class);
        assertThat(problem.workspaceId()).hasToString(workspace);
        assertThat(problem.vehicles()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(vehicle);
            assertThat(v.departure()).isEqualTo(departure);
            assertThat(v.currentSoc()).isEqualTo(0.5);
            // 200 kWh of 400 plus the 10 % reserve readiness asks for
            assertThat(v.targetSoc()).isEqualTo(0.6);
            assertThat(v.batteryKwh()).isEqualTo(400.0);
            assertThat(v.maxPowerKw()).isEqualTo(40.0);
        });
        assertThat(problem.chargers()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(chargerId);
            assertThat(c.maxPowerKw()).isEqualTo(150.0);
            assertThat(c.circuit()).isEqualTo(site);
        });
        assertThat(problem.siteLimitKw()).containsExactly(1200.0);
        assertThat(problem.tariff().demandChargePerKw()).isEqualTo(12.5);
        assertThat(problem.tariff().energyPricePerKwh()).isNotEmpty().allMatch(price -> price == 0.30);
        assertThat(problem.horizon().end()).isAfterOrEqualTo(departure);
        JsonNode token = claims(sent.get(0).getHeader("Authorization"));
        assertThat(token.path("iss").asText()).isEqualTo("urn:depotops:service:manage-core");
        assertThat(token.path("aud").toString()).contains("schedule-creator");

        as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200)
                .body("plan.version", equalTo(1))
                .body("plan.vehicles[0].powerKw", hasSize(4));
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .statusCode(200)
                .body("[0].vehicleId", equalTo(vehicle))
                .body("[0].requiredSocPercent", equalTo(60.0f))
                .body("[0].plannedSocPercent", equalTo(80.0f));

        answerWithSchedule(0.65);
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200)
                .body("plan.version", equalTo(2));
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .body("[0].plannedSocPercent", equalTo(65.0f));
    }

    @Test
    void theDepotIsRePlannedByItselfWhenAStateOfChargeMovesOrATariffChanges() throws Exception {
        stateOfCharge(50);
        answerWithSchedule(0.8);
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200)
                .body("plan.version", equalTo(1));

        // Below the threshold (5 points) no reason; then beyond it: one re-plan with the latest state.
        stateOfCharge(52);
        stateOfCharge(30);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                        .then()
                        .statusCode(200)
                        .body("plan.version", equalTo(2)));
        List<ScheduleRequestV1> asked = problemsOfThisDepot();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).vehicles())
                .singleElement()
                .satisfies(v -> assertThat(v.currentSoc()).isEqualTo(0.3));

        // A new tariff is a reason too.
        as(operator)
                .body(tariff(List.of(band(EVERY_DAY, "00:00", "00:00", 0.10))))
                .put("/api/v1/workspaces/{ws}/sites/{id}/tariff", workspace, site)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                        .then()
                        .body("plan.version", equalTo(3)));
        assertThat(problemsOfThisDepot().get(2).tariff().energyPricePerKwh())
                .isNotEmpty()
                .allMatch(price -> price == 0.10);
    }

    @Test
    void anAutomaticRePlanTheOptimiserFailsKeepsThePlanAndIsTriedAgain() {
        stateOfCharge(50);
        answerWithSchedule(0.8);
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200);
        ScheduleCreatorStandIn.server.stubFor(
                post(urlPathEqualTo(SCHEDULES)).willReturn(aResponse().withStatus(503)));

        stateOfCharge(20);
        await().atMost(Duration.ofSeconds(60)).until(() -> problemsOfThisDepot().size() >= 3);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .body("plan.version", equalTo(1))
                .body("plan.vehicles[0].socAtDeparturePercent", equalTo(80.0f));

        answerWithSchedule(0.7);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                        .then()
                        .body("plan.version", equalTo(2))
                        .body("plan.vehicles[0].socAtDeparturePercent", equalTo(70.0f)));
    }

    /** The problems core sent for this test's depot, oldest first. */
    private List<ScheduleRequestV1> problemsOfThisDepot() throws Exception {
        List<ScheduleRequestV1> problems = new ArrayList<>();
        for (LoggedRequest request :
                ScheduleCreatorStandIn.server.findAll(postRequestedFor(urlPathEqualTo(SCHEDULES)))) {
            ScheduleRequestV1 problem = json.readValue(request.getBodyAsString(), ScheduleRequestV1.class);
            if (problem.vehicles().stream().anyMatch(v -> v.id().equals(vehicle))) {
                problems.add(problem);
            }
        }
        return problems;
    }

    @Test
    void optimiserDownIsA503AndThePreviousPlanStays() {
        stateOfCharge(50);
        answerWithSchedule(0.8);
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200);

        ScheduleCreatorStandIn.server.stubFor(
                post(urlPathEqualTo(SCHEDULES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/dependency-unavailable"));

        ScheduleCreatorStandIn.server.stubFor(
                post(urlPathEqualTo(SCHEDULES)).willReturn(aResponse().withStatus(503)));
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(503);

        // An answer that is no schedule is not kept either.
        ScheduleCreatorStandIn.server.stubFor(post(urlPathEqualTo(SCHEDULES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"vehicles\":[{\"vehicleId\":\"not-a-vehicle\"}]}")));
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(503);

        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(200)
                .body("plan.version", equalTo(1));
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .body("[0].plannedSocPercent", equalTo(80.0f));
    }

    @Test
    void aDepotWithNothingToPlanIsAProblemAndOnlyOperatorsPlan() {
        // No state of charge reported: the one vehicle cannot be planned.
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("depotId"));
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(404);
        as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/readiness", workspace, depot)
                .then()
                .body("[0].plannedSocPercent", nullValue());
        as(token("viewer", workspace))
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, depot)
                .then()
                .statusCode(403);
        as(operator)
                .post("/api/v1/workspaces/{ws}/depots/{id}/plan", workspace, UUID.randomUUID())
                .then()
                .statusCode(404);
        ScheduleCreatorStandIn.server.verify(0, postRequestedFor(urlPathEqualTo(SCHEDULES)));
    }

    /** schedule-creator's answer for the one van: 4 slots of power, {@code soc} at departure. */
    private void answerWithSchedule(double soc) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String body = """
                {"planId":"%s","version":1,"expiresAt":"%s",
                 "slotStarts":["%s","%s","%s","%s"],
                 "vehicles":[{"vehicleId":"%s","chargerId":"%s","connector":1,"powerKw":[40,40,40,0],
                   "energyKwh":30,"socAtDeparture":%s,"unmetKwh":0,"limitedBy":[]}],
                 "siteImportKw":[40,40,40,0],"peakKw":40,
                 "cost":{"energy":9,"exportCredit":0,"demandCharge":500,"total":509},"unmetKwh":0,
                 "solver":{"algorithm":"OPTIMISER","status":"OPTIMAL","gap":0,"solveMillis":12,
                   "timeLimitReached":false,"degraded":false,"note":null}}
                """.formatted(
                        UUID.randomUUID(),
                        Instant.now().plus(1, ChronoUnit.HOURS),
                        start,
                        start.plus(15, ChronoUnit.MINUTES),
                        start.plus(30, ChronoUnit.MINUTES),
                        start.plus(45, ChronoUnit.MINUTES),
                        vehicle,
                        chargerId,
                        soc);
        ScheduleCreatorStandIn.server.stubFor(post(urlPathEqualTo(SCHEDULES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private JsonNode claims(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** As telematics would report it, through the one ingest. */
    private void stateOfCharge(double percent) {
        String device = as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}", workspace, vehicle)
                .path("telematicsDeviceId");
        TelematicsIngestService.Outcome outcome = ingest.ingest(new IncomingUpdate(
                workspace,
                "geotab",
                device,
                null,
                new TelematicsObservation(
                        UUID.randomUUID().toString(),
                        "geotab",
                        Instant.now(),
                        percent,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of())));
        assertThat(outcome).isEqualTo(TelematicsIngestService.Outcome.ACCEPTED);
    }
}
