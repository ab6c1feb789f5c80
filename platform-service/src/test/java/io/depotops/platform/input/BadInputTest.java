package io.depotops.platform.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends, a mistake of its own is answered 4xx with a problem that says which. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://depotops.io/problems/";

    @ParameterizedTest
    @ValueSource(strings = {"/nothing%20here", "/nothing%00here", "/nothing%25here", "/nothing'here", "/x%E2%80%AEy"})
    void anOddPathIsANotFoundProblemThatQuotesItBack(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/probe/items/%2e%2e", "/probe/items/%2E%2e/x", "/probe/items/..", "/probe/./items/1"})
    void aDotSegmentIsAMalformedRequestNotTheParentResource(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "malformed-request"));
    }

    @Test
    void aDotInsideASegmentIsNoDotSegment() {
        given().urlEncodingEnabled(false)
                .get("/probe/items/a..b")
                .then()
                .statusCode(200)
                .body(equalTo("a..b"));
    }

    @Test
    void theInstanceOfAProblemIsThePathEncodedAgain() {
        given().urlEncodingEnabled(false)
                .get("/probe/items/a%20b%25c%00")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("instance", equalTo("/probe/items/a%20b%25c%00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u001b[31m", "\\u0007", "\\u202e", "\\u2066", "\\ud800"})
    void aControlOrBidiCharacterInAJsonStringIsRefusedNamingTheField(String character) {
        given().contentType(ContentType.JSON)
                .body("{\"chargePointId\":\"CP" + character + "1\",\"maxPowerKw\":22,"
                        + "\"connectors\":[{\"connectorId\":1}]}")
                .post("/probe/chargers")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors[0].field", equalTo("chargePointId"))
                .body("errors[0].message", containsString("control"));
    }

    @Test
    void aControlCharacterDeepInsideABodyIsNamedByItsPath() {
        given().contentType(ContentType.JSON)
                .body("{\"note\":\"a\\u0000b\",\"energyWh\":1}")
                .post("/probe/readings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
    }

    @Test
    void lineBreaksAndTabsInFreeTextAreKept() {
        given().contentType(ContentType.JSON)
                .body("{\"note\":\"line one\\r\\nline\\ttwo\",\"energyWh\":1}")
                .post("/probe/readings")
                .then()
                .statusCode(200)
                .body("note", equalTo("line one\r\nline\ttwo"));
    }

    @Test
    void aControlCharacterInAPathParameterIsRefusedNamingIt() {
        given().urlEncodingEnabled(false)
                .get("/probe/items/CP%0A1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%0Db", "%E2%80%AEevil", "%09"})
    void aControlOrBidiCharacterInAQueryParameterIsRefusedNamingIt(String value) {
        given().urlEncodingEnabled(false)
                .get("/probe/items/CP-1?q=" + value)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "99999999999", "1.5", ""})
    void aQueryNumberThatDoesNotParseIsABadRequestNamingIt(String limit) {
        given().queryParam("limit", limit)
                .get("/probe/list")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void aQueryLongOrUuidThatDoesNotParseIsABadRequestNamingIt() {
        given().queryParam("limit", 5)
                .queryParam("offset", "1180591620717411303424")
                .get("/probe/list")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("offset"));
        given().queryParam("since", "1-1-1-1-1")
                .get("/probe/items/CP-1")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("since"));
        given().queryParam("limit", 5).get("/probe/list").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "1180591620717411303424", "-1e20"})
    void aNumberOutOfRangeInJsonIsNamed(String number) {
        given().contentType(ContentType.JSON)
                .body("{\"note\":\"x\",\"energyWh\":1,\"count\":" + number + "}")
                .post("/probe/readings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].message", containsString("out of range"));
        given().contentType(ContentType.JSON)
                .body("{\"note\":\"x\",\"energyWh\":" + number + "}")
                .post("/probe/readings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("energyWh"));
    }

    @Test
    void aBodyOverTheLimitIsAPayloadTooLargeProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"note\":\"" + "x".repeat(5000) + "\",\"energyWh\":1}")
                .post("/probe/readings")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "payload-too-large"));
    }

    @Test
    void aUriOverTheLimitIsAUriTooLongProblem() {
        given().queryParam("q", "x".repeat(3000))
                .get("/probe/items/CP-1")
                .then()
                .statusCode(414)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "uri-too-long"))
                .body(not(containsString("xxxx")));
    }
}
