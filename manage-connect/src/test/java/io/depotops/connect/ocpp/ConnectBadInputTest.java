package io.depotops.connect.ocpp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

import io.depotops.platform.testing.DevTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connect's doors refuse what no charge point id can be (issue 13): a command for an id with a
 * control character, or longer than OCPP's 48 characters, is a 400 naming the field (it used to
 * be a 503 after asking core, or be accepted and echoed); a websocket upgrade for such an identity
 * is refused before anything is looked up.
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
class ConnectBadInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String VALIDATION_FAILED = "https://depotops.io/problems/validation-failed";

    private final String operator = DevTokens.token("operator", CoreStub.WORKSPACE.toString());

    private RequestSpecification asOperator() {
        return given().auth().oauth2(operator).contentType("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CP\u00001", "CP\u202E1", "CP 1", "CP/1"})
    void aCommandForAnIdWithAnIllegalCharacterIsABadRequestNamingIt(String chargePointId) {
        asOperator()
                .body(Map.of("chargePointId", chargePointId, "command", "RESET", "parameters", Map.of("type", "Soft")))
                .post("/api/v1/commands")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors.field", hasItem("chargePointId"));
    }

    @Test
    void aCommandForAnIdLongerThanOcppAllowsIsABadRequest() {
        asOperator()
                .body(Map.of("chargePointId", "A".repeat(49), "command", "RESET", "parameters", Map.of("type", "Soft")))
                .post("/api/v1/commands")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("chargePointId"));
        asOperator()
                .body(Map.of("chargePointId", "A".repeat(20_000), "command", "RESET"))
                .post("/api/v1/commands")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("chargePointId"));
    }

    @Test
    void aCommandOfAMegabyteIsAPayloadTooLargeProblem() {
        asOperator()
                .body(Map.of("chargePointId", "A".repeat(1_000_000), "command", "RESET"))
                .post("/api/v1/commands")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://depotops.io/problems/payload-too-large"));
    }

    @Test
    void aSessionOfAnIllegalIdIsABadRequest() {
        given().auth()
                .oauth2(operator)
                .urlEncodingEnabled(false)
                .get("/api/v1/sessions/CP%00x")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "CP%001", "CP%E2%80%AE1", "CP%20%0A1"})
    void aWebsocketUpgradeForAnIllegalIdentityIsRefused(String identity) {
        given().urlEncodingEnabled(false)
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Protocol", "ocpp1.6")
                .get("/ocpp/" + identity)
                .then()
                .statusCode(anyOf(equalTo(400), equalTo(404)));
    }

    @Test
    void theOpenApiDocumentRequiresTheFieldsOfACommand() {
        JsonPath openApi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(lessThan(300))
                .extract()
                .jsonPath();
        org.hamcrest.MatcherAssert.assertThat(
                openApi.getList("components.schemas.CommandRequest.required"), hasItems("chargePointId", "command"));
        org.hamcrest.MatcherAssert.assertThat(
                openApi.getInt("components.schemas.CommandRequest.properties.chargePointId.maxLength"), equalTo(48));
    }
}
