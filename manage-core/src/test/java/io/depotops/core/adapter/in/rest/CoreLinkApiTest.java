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
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints manage-connect calls while a charger waits. */
@QuarkusTest
class CoreLinkApiTest {

    private static final String LINK = "/internal/v1/core-link";

    private String workspace;
    private String operator;
    private String chargePointId;

    @BeforeEach
    void registeredCharger() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        String site = newSite(operator, workspace, newDepot(operator, workspace));
        chargePointId = uniqueChargePointId();
        as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification link() {
        return CoreApiFixtures.coreLink();
    }

    @Test
    void acceptsTheHandshakeOfARegisteredChargerWithItsPassword() {
        link().body(Map.of(
                        "chargePointId",
                        chargePointId,
                        "ocppVersion",
                        "1.6",
                        "password",
                        "correct-horse-battery",
                        "tls",
                        false))
                .post(LINK + "/handshake")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(true));
    }

    @Test
    void refusesAWrongPasswordAnUnknownChargerAndProfileTwoWithoutTls() {
        link().body(Map.of(
                        "chargePointId",
                        chargePointId,
                        "ocppVersion",
                        "1.6",
                        "password",
                        "wrong-password-here!",
                        "tls",
                        false))
                .post(LINK + "/handshake")
                .then()
                .body("accepted", equalTo(false))
                .body("reason", equalTo("wrong credentials"));
        link().body(Map.of("chargePointId", "NOT-REGISTERED-" + chargePointId, "ocppVersion", "1.6", "tls", false))
                .post(LINK + "/handshake")
                .then()
                .body("accepted", equalTo(false))
                .body("reason", equalTo("unknown charge point"));

        String site = newSite(operator, workspace, newDepot(operator, workspace));
        Map<String, Object> tlsOnly = new HashMap<>(charger(site, uniqueChargePointId()));
        tlsOnly.put("securityProfile", 2);
        String tlsCharger = as(operator)
                .body(tlsOnly)
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .path("chargePointId");
        link().body(Map.of(
                        "chargePointId",
                        tlsCharger,
                        "ocppVersion",
                        "1.6",
                        "password",
                        "correct-horse-battery",
                        "tls",
                        false))
                .post(LINK + "/handshake")
                .then()
                .body("accepted", equalTo(false))
                .body("reason", equalTo("security profile 2 requires TLS"));
    }

    @Test
    void acceptsTheBootOfARegisteredChargerAndRecordsIt() {
        link().body(Map.of(
                        "chargePointId",
                        chargePointId,
                        "ocppVersion",
                        "1.6",
                        "vendor",
                        "Kempower",
                        "model",
                        "S",
                        "firmwareVersion",
                        "1.2.3",
                        "serialNumber",
                        "SN-1"))
                .post(LINK + "/boot")
                .then()
                .statusCode(200)
                .body("status", equalTo("Accepted"))
                .body("intervalSeconds", equalTo(300))
                .body("currentTime", notNullValue());

        as(operator)
                .queryParam("bootStatus", "Accepted")
                .get("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .body("items[0].chargePointId", equalTo(chargePointId))
                .body("items[0].firmwareVersion", equalTo("1.2.3"))
                .body("items[0].lastBootAt", notNullValue());
    }

    @Test
    void rejectsTheBootOfAnUnknownCharger() {
        link().body(Map.of("chargePointId", "NOBODY-" + chargePointId, "ocppVersion", "2.0.1"))
                .post(LINK + "/boot")
                .then()
                .statusCode(200)
                .body("status", equalTo("Rejected"));
    }

    @Test
    void authorisesTheIdTagOfAVehicleOfTheChargersWorkspaceOnly() {
        String vehicle = as(operator)
                .body(Map.of("vin", uniqueVin(), "fleetNumber", "B-7", "batteryKwh", 300, "idTag", "04A2B3C4D5"))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .path("id");

        link().body(Map.of("chargePointId", chargePointId, "idToken", "04A2B3C4D5", "tokenType", "Central"))
                .post(LINK + "/authorize")
                .then()
                .statusCode(200)
                .body("status", equalTo("Accepted"))
                .body("vehicleId", equalTo(vehicle));
        link().body(Map.of("chargePointId", chargePointId, "idToken", "UNKNOWN", "tokenType", "Central"))
                .post(LINK + "/authorize")
                .then()
                .body("status", equalTo("Invalid"));
    }

    @Test
    void refusesARequestWithoutAChargePointId() {
        link().body(Map.of("idToken", "X"))
                .post(LINK + "/authorize")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("chargePointId"));
    }

    /** The probe of issue 13: without connect's service token the core link changes nothing. */
    @Test
    void nobodyButConnectReachesTheCoreLink() {
        Map<String, Object> boot = Map.of("chargePointId", chargePointId, "firmwareVersion", "evil-fw-9.9");
        for (String path : new String[] {"/handshake", "/boot", "/authorize", "/transactions"}) {
            given().contentType("application/json")
                    .body(boot)
                    .post(LINK + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().contentType("application/json")
                    .auth()
                    .oauth2(token("admin", "*"))
                    .body(boot)
                    .post(LINK + path)
                    .then()
                    .statusCode(404);
        }
        int internal = io.quarkus.arc.Arc.container()
                .instance(io.depotops.platform.serviceauth.InternalListener.class)
                .get()
                .port();
        given().port(internal)
                .contentType("application/json")
                .body(boot)
                .post(LINK + "/boot")
                .then()
                .statusCode(401);
        given().port(internal)
                .contentType("application/json")
                .auth()
                .oauth2(token("admin", "*"))
                .body(boot)
                .post(LINK + "/boot")
                .then()
                .statusCode(401);
        given().port(internal)
                .contentType("application/json")
                .auth()
                .oauth2(io.depotops.platform.testing.DevServiceTokens.token("telematics", "manage-core"))
                .body(boot)
                .post(LINK + "/boot")
                .then()
                .statusCode(401);
        as(operator)
                .get("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(200)
                .body("items[0].firmwareVersion", org.hamcrest.Matchers.nullValue());
    }
}
