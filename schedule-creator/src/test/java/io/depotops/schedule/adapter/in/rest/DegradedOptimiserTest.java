package io.depotops.schedule.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.depotops.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The solver cannot be created here (as when OR-Tools' native library is missing or lacks the
 * solver): the heuristic answers, flagged, and readiness says the optimiser is degraded.
 */
@QuarkusTest
@TestProfile(DegradedOptimiserTest.NoSolver.class)
class DegradedOptimiserTest {

    public static class NoSolver implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("depotops.schedule.solver", "NO_SUCH_SOLVER");
        }
    }

    @Test
    void theHeuristicAnswersFlaggedAndReadinessSaysDegraded() {
        given().auth()
                .oauth2(DevTokens.token("operator", ScheduleApiTest.WORKSPACE))
                .contentType(ContentType.JSON)
                .body(ScheduleApiTest.depot(ScheduleApiTest.thisHour()))
                .post("/api/v1/schedules")
                .then()
                .statusCode(201)
                .body("solver.algorithm", equalTo("LEAST_LAXITY_FIRST"))
                .body("solver.status", equalTo("HEURISTIC"))
                .body("solver.degraded", equalTo(true))
                .body("solver.note", containsString("unavailable"))
                .body("vehicles.find { it.vehicleId == 'van-1' }.unmetKwh", equalTo(0.0f));

        given().get("/q/health/ready").then().statusCode(200).body("checks.data.optimiser", hasItem("degraded"));
    }
}
