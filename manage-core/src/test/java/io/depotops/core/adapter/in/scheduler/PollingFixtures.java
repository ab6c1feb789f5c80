package io.depotops.core.adapter.in.scheduler;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Vehicles, poll policies and provider accounts for the polling tests, made through the real API. */
final class PollingFixtures {

    private PollingFixtures() {}

    static String vehicle(String token, String workspace, String depot, String provider, String deviceId) {
        return as(token)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        "WDB9066331"
                                + String.format(
                                        "%07d", ThreadLocalRandom.current().nextInt(10_000_000)),
                        "fleetNumber",
                        "P-" + deviceId,
                        "batteryKwh",
                        350,
                        "telematicsProvider",
                        provider,
                        "telematicsDeviceId",
                        deviceId))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void policy(String token, String workspace, String cutover, String... providers) {
        String etag = as(token)
                .get("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(token)
                .header("If-Match", etag)
                .body(Map.of("intervalSeconds", 60, "enabledProviders", providers, "cutover", cutover))
                .put("/api/v1/workspaces/{ws}/telematics/poll-policy", workspace)
                .then()
                .statusCode(200);
    }

    static String samsaraAccount(String token, String workspace, String baseUrl, String apiToken) {
        return account(token, workspace, "SAMSARA", baseUrl, Map.of("apiToken", apiToken));
    }

    static String geotabAccount(String token, String workspace, String baseUrl, String password) {
        return account(
                token,
                workspace,
                "GEOTAB",
                baseUrl,
                Map.of("database", "fleet_db", "userName", "poller@fleet.example", "password", password));
    }

    static String account(
            String token, String workspace, String kind, String baseUrl, Map<String, String> credentials) {
        return as(token)
                .body(Map.of("kind", kind, "baseUrl", baseUrl, "credentials", credentials))
                .post("/api/v1/workspaces/{ws}/telematics/provider-accounts", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
