package io.depotops.core.adapter.in.rest;

import static io.restassured.RestAssured.given;

import io.depotops.platform.serviceauth.InternalListener;
import io.depotops.platform.testing.DevServiceTokens;
import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens and resources the API tests build on, made through the real API. */
final class CoreApiFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CoreApiFixtures() {}

    static String token(String role, String... workspaces) {
        return Jwt.subject("user-" + role)
                .groups(Set.of(role))
                .claim("workspaces", List.of(workspaces))
                .sign();
    }

    /** A call of manage-connect on core's internal listener, with connect's service token. */
    static RequestSpecification coreLink() {
        return given().port(
                        Arc.container().instance(InternalListener.class).get().port())
                .auth()
                .oauth2(DevServiceTokens.token("manage-connect", "manage-core"))
                .contentType("application/json");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String platformAdmin() {
        return token("admin", "*");
    }

    static String newWorkspace() {
        return as(platformAdmin())
                .body(Map.of("name", "Fleet " + UUID.randomUUID()))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String newDepot(String token, String workspace) {
        return as(token)
                .body(Map.of(
                        "name", "Depot " + UUID.randomUUID(), "timeZone", "Europe/Berlin", "address", "Hafenstr. 1"))
                .post("/api/v1/workspaces/{ws}/depots", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String newSite(String token, String workspace, String depot) {
        return as(token)
                .body(Map.of("depotId", depot, "name", "Grid " + UUID.randomUUID(), "gridCapacityKw", 1200))
                .post("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> charger(String site, String chargePointId) {
        return Map.of(
                "siteId",
                site,
                "chargePointId",
                chargePointId,
                "vendor",
                "Kempower",
                "model",
                "S-Series",
                "ocppVersion",
                "1.6",
                "securityProfile",
                1,
                "password",
                "correct-horse-battery",
                "maxPowerKw",
                150,
                "connectors",
                List.of(Map.of("evseId", 1, "connectorId", 1, "type", "CCS2", "maxPowerKw", 150)));
    }

    static String uniqueChargePointId() {
        return "CP-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
    }

    /** A valid VIN that differs per call (17 characters, no I, O or Q). */
    static String uniqueVin() {
        String digits = String.format("%08d", SEQUENCE.incrementAndGet() + (int) (Math.random() * 1_000_000));
        return "WDB9066331" + digits.substring(digits.length() - 7);
    }
}
