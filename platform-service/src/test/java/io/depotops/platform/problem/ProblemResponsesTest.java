package io.depotops.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://depotops.io/problems/";

    @Test
    void namesEveryInvalidFieldOfABody() {
        given().contentType("application/json")
                .body("{\"chargePointId\":\" \",\"maxPowerKw\":-5,\"connectors\":[{\"connectorId\":0}]}")
                .post("/probe/chargers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("title", equalTo("Request validation failed"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/probe/chargers"))
                .body("errors.field", containsInAnyOrder("chargePointId", "maxPowerKw", "connectors[0].connectorId"));
    }

    @Test
    void namesAnInvalidQueryParameter() {
        given().queryParam("limit", 0)
                .get("/probe/list")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void rejectsAMissingBody() {
        given().contentType("application/json")
                .post("/probe/chargers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void namesAFieldOfTheWrongType() {
        given().contentType("application/json")
                .body("{\"chargePointId\":\"CP-1\",\"maxPowerKw\":\"lots\"}")
                .post("/probe/chargers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors[0].field", equalTo("maxPowerKw"))
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void rejectsBrokenJsonWithoutInternals() {
        given().contentType("application/json")
                .body("{\"chargePointId\": ")
                .post("/probe/chargers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "malformed-request"))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
    }

    @Test
    void rejectsAnUnsupportedMediaType() {
        given().contentType("text/plain")
                .body("hello")
                .post("/probe/chargers")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "unsupported-media-type"));
    }

    @Test
    void rejectsAWrongMethodAndSaysWhichAreAllowed() {
        given().delete("/probe/conflict")
                .then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "method-not-allowed"));
    }

    @Test
    void carriesTheExtensionsOfAProblem() {
        given().get("/probe/conflict")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "conflict"))
                .body("detail", equalTo("A charger with charge point id CP-1 exists"))
                .body("extensions.conflictingResource", equalTo("/api/v1/chargers/42"));
    }

    @Test
    void hidesAnUnexpectedErrorBehindATraceId() {
        given().get("/probe/boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "internal-error"))
                .body("traceId", matchesPattern("[0-9a-f]{32}"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().get("/nothing/here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "not-found"))
                .body("title", notNullValue());
    }
}
