package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicApiTest {

    private String workspace;
    private String admin;
    private String chargePointId;

    @BeforeEach
    void workspaceWithACharger() {
        workspace = newWorkspace();
        admin = token("admin", workspace);
        String site = newSite(admin, workspace, newDepot(admin, workspace));
        chargePointId = uniqueChargePointId();
        as(admin).body(charger(site, chargePointId)).post("/api/v1/workspaces/{ws}/chargers", workspace);
    }

    private String issueKey() {
        return as(admin)
                .body(Map.of("name", "fleet ERP", "role", "viewer"))
                .post("/api/v1/workspaces/{ws}/api-keys", workspace)
                .then()
                .statusCode(201)
                .body("key", startsWith("dk_"))
                .extract()
                .path("key");
    }

    @Test
    void aKeyReadsItsOwnWorkspaceOnly() {
        String key = issueKey();
        given().header("X-API-Key", key)
                .get("/public/v1/chargers")
                .then()
                .statusCode(200)
                .body("items.chargePointId", contains(chargePointId));
        given().header("Authorization", "ApiKey " + key)
                .get("/public/v1/chargers")
                .then()
                .statusCode(200);

        String other = newWorkspace();
        String otherAdmin = token("admin", other);
        String otherSite = newSite(otherAdmin, other, newDepot(otherAdmin, other));
        String foreign = as(otherAdmin)
                .body(charger(otherSite, uniqueChargePointId()))
                .post("/api/v1/workspaces/{ws}/chargers", other)
                .path("id");
        given().header("X-API-Key", key)
                .get("/public/v1/chargers/{id}", foreign)
                .then()
                .statusCode(404);
    }

    @Test
    void listedKeysNeverShowTheirSecret() {
        issueKey();
        as(admin)
                .get("/api/v1/workspaces/{ws}/api-keys", workspace)
                .then()
                .statusCode(200)
                .body("[0]", not(hasKey("key")))
                .body("[0]", not(hasKey("secretSha256")))
                .body("[0].role", equalTo("viewer"));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String key = issueKey();
        String id = as(admin).get("/api/v1/workspaces/{ws}/api-keys", workspace).path("[0].id");

        as(admin)
                .delete("/api/v1/workspaces/{ws}/api-keys/{id}", workspace, id)
                .then()
                .statusCode(204);

        given().header("X-API-Key", key)
                .get("/public/v1/chargers")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/unauthenticated"));
    }

    @Test
    void aMissingOrForgedKeyIsRejected() {
        String key = issueKey();
        given().get("/public/v1/chargers").then().statusCode(401);
        // The last character changed to another one (a fixed "x" would be no change 1 time in 36).
        char last = key.charAt(key.length() - 1);
        String forged = key.substring(0, key.length() - 1) + (last == 'x' ? 'y' : 'x');
        given().header("X-API-Key", forged).get("/public/v1/chargers").then().statusCode(401);
        given().header("X-API-Key", "dk_nonsense")
                .get("/public/v1/chargers")
                .then()
                .statusCode(401);
    }

    @Test
    void onlyWorkspaceAdminsManageKeys() {
        as(token("operator", workspace))
                .body(Map.of("name", "x", "role", "viewer"))
                .post("/api/v1/workspaces/{ws}/api-keys", workspace)
                .then()
                .statusCode(403);
        as(admin)
                .body(Map.of("name", "x", "role", "admin"))
                .post("/api/v1/workspaces/{ws}/api-keys", workspace)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void aUserTokenDoesNotOpenThePublicApi() {
        given().auth().oauth2(admin).get("/public/v1/chargers").then().statusCode(401);
    }
}
