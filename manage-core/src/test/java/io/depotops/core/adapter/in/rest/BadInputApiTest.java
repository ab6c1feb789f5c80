package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends to core, its own mistake is answered 4xx with a problem, never 500. */
@QuarkusTest
class BadInputApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String VALIDATION_FAILED = "https://depotops.io/problems/validation-failed";
    private static final String NUL = "\u0000";

    private String workspace;
    private String operator;
    private String depot;

    @BeforeEach
    void workspace() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/workspaces%20x", "/api/v1/workspaces/%00/depots", "/api/%25", "/api/v1/it's"})
    void anOddPathIsAProblemEvenWithoutAToken(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(lessThan(500))
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aNulInADepotNameIsRefusedNamingTheField() {
        refusedNaming(
                Map.of("name", "Depot" + NUL, "timeZone", "Europe/Berlin"), "/api/v1/workspaces/{ws}/depots", "name");
    }

    @Test
    void aNulInASiteNameIsRefusedNamingTheField() {
        refusedNaming(
                Map.of("depotId", depot, "name", "Grid" + NUL, "gridCapacityKw", 100),
                "/api/v1/workspaces/{ws}/sites",
                "name");
    }

    @Test
    void aNulInAVehicleIsRefusedNamingTheField() {
        Map<String, Object> vehicle = new HashMap<>();
        vehicle.put("depotId", depot);
        vehicle.put("vin", uniqueVin());
        vehicle.put("fleetNumber", "B-1" + NUL);
        vehicle.put("batteryKwh", 396);
        refusedNaming(vehicle, "/api/v1/workspaces/{ws}/vehicles", "fleetNumber");
    }

    @Test
    void aNulInABlockNameIsRefusedNamingTheField() {
        Instant departs = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        refusedNaming(
                Map.of(
                        "depotId",
                        depot,
                        "name",
                        "Route 7" + NUL,
                        "departureAt",
                        departs.toString(),
                        "returnAt",
                        departs.plus(8, ChronoUnit.HOURS).toString(),
                        "requiredEnergyKwh",
                        200),
                "/api/v1/workspaces/{ws}/blocks",
                "name");
    }

    @Test
    void aBidiOverrideInAChargePointIdIsRefused() {
        String site = newSite(operator, workspace, depot);
        Map<String, Object> charger = new HashMap<>(charger(site, "CP-\u202E1"));
        refusedNaming(charger, "/api/v1/workspaces/{ws}/chargers", "chargePointId");
    }

    @Test
    void aValueTheDatabaseWouldRefuseIsABadRequest() {
        // 0.001 kW passes @Positive but is 0.00 in numeric(10, 2), which the check constraint refuses.
        as(operator)
                .body(Map.of("depotId", depot, "name", "Tiny grid", "gridCapacityKw", 0.001))
                .post("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "99999999999", "-"})
    void aLimitThatIsNotANumberIsABadRequestNamingIt(String limit) {
        as(operator)
                .queryParam("limit", limit)
                .get("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void aNulInAFilterIsABadRequestNamingIt() {
        as(operator)
                .queryParam("timeZone", "Europe/Berlin" + NUL)
                .get("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void numbersOutOfRangeAreNamed() {
        String site = newSite(operator, workspace, depot);
        Map<String, Object> charger = new HashMap<>(charger(site, uniqueChargePointId()));
        charger.put("securityProfile", new BigDecimal("1e308"));
        as(operator)
                .body(charger)
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors.field", hasItem("securityProfile"));
        charger.put("securityProfile", 1);
        charger.put(
                "connectors",
                List.of(Map.of(
                        "evseId",
                        new BigInteger("1180591620717411303424"),
                        "connectorId",
                        1,
                        "type",
                        "CCS2",
                        "maxPowerKw",
                        150)));
        as(operator)
                .body(charger)
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("connectors[0].evseId"));
    }

    @Test
    void aWeakETagInIfMatchNeverMatches() {
        as(operator)
                .header("If-Match", "W/\"0\"")
                .body(Map.of("name", "Renamed", "timeZone", "Europe/Berlin"))
                .put("/api/v1/workspaces/{ws}/depots/{id}", workspace, depot)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://depotops.io/problems/precondition-failed"));
        as(operator)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Renamed", "timeZone", "Europe/Berlin"))
                .put("/api/v1/workspaces/{ws}/depots/{id}", workspace, depot)
                .then()
                .statusCode(200);
    }

    @Test
    void aBodyOverCoresLimitIsAPayloadTooLargeProblem() {
        as(operator)
                .body(Map.of("name", "x".repeat(1_100_000), "timeZone", "Europe/Berlin"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://depotops.io/problems/payload-too-large"));
    }

    @Test
    void theOpenApiDocumentRequiresWhatTheServerRequires() {
        JsonPath openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        openApi.setRootPath("components.schemas");
        org.hamcrest.MatcherAssert.assertThat(
                openApi.getList("ChargerRequest.required"), hasItems("securityProfile", "siteId", "chargePointId"));
        org.hamcrest.MatcherAssert.assertThat(
                openApi.getList("ConnectorRequest.required"), hasItems("evseId", "connectorId", "type"));
    }

    private void refusedNaming(Map<String, ?> body, String path, String field) {
        as(operator)
                .body(body)
                .post(path, workspace)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors[0].field", equalTo(field));
    }
}
