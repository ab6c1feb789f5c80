package io.depotops.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.depotops.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecureByDefaultTest {

    @Test
    void anUnannotatedEndpointNeedsAUsersToken() {
        given().get("/guarded")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/unauthenticated"));
        given().auth()
                .oauth2(DevTokens.token("viewer", "*"))
                .get("/guarded")
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenOfAnotherIssuerOrKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(DevTokens.ISSUER)
                .audience(DevTokens.AUDIENCE)
                .subject("mallory")
                .groups("admin")
                .claim("workspaces", List.of("*"))
                .sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/guarded").then().statusCode(401);
    }

    @Test
    void aTokenWithoutARoleIsForbidden() {
        given().auth()
                .oauth2(DevTokens.token("auditor", "*"))
                .get("/guarded")
                .then()
                .statusCode(403);
    }
}
