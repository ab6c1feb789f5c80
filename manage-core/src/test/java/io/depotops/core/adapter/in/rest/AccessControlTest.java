package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessControlTest {

    private static final String PROBLEMS = "https://depotops.io/problems/";

    @Test
    void aRequestWithoutATokenGetsAProblemAndAChallenge() {
        given().get("/api/v1/workspaces")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.subject("mallory")
                .groups("admin")
                .claim("workspaces", java.util.List.of("*"))
                .sign(generator.generateKeyPair().getPrivate());
        as(forged).get("/api/v1/workspaces").then().statusCode(401);
    }

    @Test
    void anotherWorkspacesDataIsNotFoundRatherThanForbidden() {
        String mine = newWorkspace();
        String theirs = newWorkspace();
        String theirDepot = newDepot(token("operator", theirs), theirs);
        String me = token("admin", mine);

        as(me).get("/api/v1/workspaces/{ws}/depots/{id}", theirs, theirDepot)
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        as(me).get("/api/v1/workspaces/{ws}/depots", theirs).then().statusCode(404);
        as(me).get("/api/v1/workspaces/{ws}", theirs).then().statusCode(404);
        // Their depot id under my workspace is just as unknown.
        as(me).get("/api/v1/workspaces/{ws}/depots/{id}", mine, theirDepot)
                .then()
                .statusCode(404);
    }

    @Test
    void aViewerReadsButDoesNotChange() {
        String workspace = newWorkspace();
        String viewer = token("viewer", workspace);

        as(viewer).get("/api/v1/workspaces/{ws}/depots", workspace).then().statusCode(200);
        as(viewer)
                .body(Map.of("name", "North", "timeZone", "Europe/Berlin"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @Test
    void onlyPlatformOperatorsCreateWorkspaces() {
        String workspace = newWorkspace();
        as(token("admin", workspace))
                .body(Map.of("name", "Another"))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(403);
        as(token("operator", "*"))
                .body(Map.of("name", "Another"))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(403);
    }

    @Test
    void aUserSeesOnlyTheWorkspacesOfTheirToken() {
        String first = newWorkspace();
        newWorkspace();
        as(token("viewer", first))
                .get("/api/v1/workspaces")
                .then()
                .statusCode(200)
                .body("id", contains(first));
    }

    @Test
    void aPlatformOperatorSeesEveryWorkspace() {
        String first = newWorkspace();
        String second = newWorkspace();
        as(CoreApiFixtures.platformAdmin())
                .get("/api/v1/workspaces")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems(first, second));
    }
}
