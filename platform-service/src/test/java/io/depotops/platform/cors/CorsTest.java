package io.depotops.platform.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.depotops.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A browser app on a localhost origin may call a service in dev and test; others may not. */
@QuarkusTest
class CorsTest {

    private static final String FRONTEND = "http://localhost:5173";

    @Test
    void aPreflightFromALocalOriginIsAnsweredWithoutAToken() {
        given().header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/guarded")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void theRealRequestStillNeedsItsTokenAndExposesTheHeadersTheFrontendReads() {
        given().header("Origin", FRONTEND)
                .get("/guarded")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", FRONTEND);
        given().header("Origin", FRONTEND)
                .auth()
                .oauth2(DevTokens.token("viewer", "*"))
                .get("/guarded")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void aForeignOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/guarded")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .auth()
                .oauth2(DevTokens.token("viewer", "*"))
                .get("/guarded")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anOriginThatOnlyStartsLikeLocalhostIsRefused() {
        given().header("Origin", "http://localhost.evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/guarded")
                .then()
                .statusCode(403);
    }

    @Test
    void aMethodOutsideTheListIsNotAllowed() {
        // Quarkus answers the preflight with the allowed methods; the browser then refuses TRACE.
        given().header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "TRACE")
                .options("/guarded")
                .then()
                .header("Access-Control-Allow-Methods", not(containsString("TRACE")))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
