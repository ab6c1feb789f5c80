package io.depotops.platform.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.depotops.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As in production without DEPOTOPS_CORS_ORIGINS: no origin is allowed, not even localhost. */
@QuarkusTest
@TestProfile(CorsWithoutOriginsTest.NoOrigins.class)
class CorsWithoutOriginsTest {

    public static class NoOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "");
        }
    }

    @Test
    void everyCrossOriginRequestIsRefused() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .options("/guarded")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.depotops.io")
                .auth()
                .oauth2(DevTokens.token("viewer", "*"))
                .get("/guarded")
                .then()
                .statusCode(403);
    }

    @Test
    void theServicesOwnOriginIsStillAllowed() {
        given().header("Origin", "http://localhost:" + RestAssured.port)
                .auth()
                .oauth2(DevTokens.token("viewer", "*"))
                .get("/guarded")
                .then()
                .statusCode(200);
    }
}
