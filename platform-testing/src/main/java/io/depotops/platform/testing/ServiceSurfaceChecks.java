package io.depotops.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every depotops service answers, checked against the running service: extend it in a
 * {@code @QuarkusTest} of the service. The service's real dependencies must be up.
 */
public abstract class ServiceSurfaceChecks {

    @Test
    void isReadyWithEveryDependencyUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", notNullValue());
    }

    @Test
    void answersUnknownResourcesWithAProblem() {
        given().auth()
                .oauth2(DevTokens.token("viewer", "*"))
                .accept("application/json")
                .when()
                .get("/api/v1/no-such-resource-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/not-found"))
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }

    @Test
    void answersABrowsersCorsPreflightFromALocalOrigin() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/api/v1/no-such-resource-here")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/api/v1/no-such-resource-here")
                .then()
                .statusCode(403);
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
