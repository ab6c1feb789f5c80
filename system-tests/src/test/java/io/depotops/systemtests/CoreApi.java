package io.depotops.systemtests;

import static io.restassured.RestAssured.given;

import io.depotops.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * core's internal API as an admin uses it: one workspace per test class with a depot and a site,
 * and chargers and vehicles made for each test with ids no other test uses.
 */
final class CoreApi {

    static final String CHARGER_PASSWORD = "system-test-password-1";
    private static final String ADMIN = DevTokens.token("admin", "*");
    private static final String VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    record Charger(UUID id, String chargePointId, String ocppVersion) {

        String subprotocol() {
            return "ocpp" + ocppVersion;
        }
    }

    record Vehicle(UUID id, String idTag) {}

    final UUID workspaceId;
    final UUID depotId;
    final UUID siteId;

    private CoreApi(UUID workspaceId, UUID depotId, UUID siteId) {
        this.workspaceId = workspaceId;
        this.depotId = depotId;
        this.siteId = siteId;
    }

    /** A new workspace, named after the test class, with one depot and one site. */
    static CoreApi newWorkspace(Class<?> testClass) {
        UUID workspace = created("/api/v1/workspaces", Map.of("name", testClass.getSimpleName() + " " + unique()));
        UUID depot = created(
                "/api/v1/workspaces/" + workspace + "/depots",
                Map.of("name", "System test depot", "timeZone", "Europe/Berlin"));
        UUID site = created(
                "/api/v1/workspaces/" + workspace + "/sites",
                Map.of("depotId", depot, "name", "Main grid", "gridCapacityKw", 1500));
        return new CoreApi(workspace, depot, site);
    }

    /** A charger of security profile 1 with {@link #CHARGER_PASSWORD} and one CCS2 connector. */
    Charger charger(String ocppVersion) {
        String chargePointId = "ST-" + ocppVersion.replace(".", "") + "-" + unique();
        UUID id = created(
                path("/chargers"),
                Map.of(
                        "siteId",
                        siteId,
                        "chargePointId",
                        chargePointId,
                        "vendor",
                        "system-tests",
                        "model",
                        "DC-150",
                        "ocppVersion",
                        ocppVersion,
                        "securityProfile",
                        1,
                        "password",
                        CHARGER_PASSWORD,
                        "maxPowerKw",
                        150,
                        "connectors",
                        List.of(Map.of("evseId", 1, "connectorId", 1, "type", "CCS2", "maxPowerKw", 150))));
        return new Charger(id, chargePointId, ocppVersion);
    }

    /** A bus whose id tag chargers present (at most 20 characters: OCPP 1.6's limit). */
    Vehicle vehicle() {
        String idTag = "TAG-" + unique();
        UUID id = created(
                path("/vehicles"),
                Map.of(
                        "depotId",
                        depotId,
                        "vin",
                        vin(),
                        "fleetNumber",
                        "BUS-" + unique(),
                        "batteryKwh",
                        396,
                        "maxDcKw",
                        150,
                        "idTag",
                        idTag));
        return new Vehicle(id, idTag);
    }

    /** Removes the charger from core (its open websocket session stays up). */
    void deleteCharger(Charger charger) {
        String etag = admin().get(path("/chargers/" + charger.id()))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        admin().header("If-Match", etag)
                .delete(path("/chargers/" + charger.id()))
                .then()
                .statusCode(204);
    }

    JsonPath chargerView(Charger charger) {
        return get(path("/chargers/" + charger.id()));
    }

    /** The live state entry of this charger in its depot (Redis-backed). */
    Map<String, Object> liveState(Charger charger) {
        List<Map<String, Object>> chargers =
                get(path("/depots/" + depotId + "/live")).getList("chargers");
        return chargers.stream()
                .filter(entry -> charger.chargePointId().equals(entry.get("chargePointId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(charger.chargePointId() + " not in the live state"));
    }

    JsonPath transaction(long id) {
        return get(path("/transactions/" + id));
    }

    List<Map<String, Object>> transactionsOf(Charger charger) {
        return get(path("/transactions?chargerId=" + charger.id())).getList("items");
    }

    /** The message log of a charger (at, direction, sessionId, frame), newest first. */
    List<Map<String, Object>> messages(Charger charger) {
        return get(path("/chargers/" + charger.id() + "/messages?limit=500")).getList("items");
    }

    List<String> frames(Charger charger) {
        return messages(charger).stream().map(m -> (String) m.get("frame")).toList();
    }

    /** Sends a command; returns its id. */
    UUID sendCommand(Charger charger, String command, Map<String, Object> parameters, Integer deadlineSeconds) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("command", command);
        body.put("parameters", parameters);
        if (deadlineSeconds != null) {
            body.put("deadlineSeconds", deadlineSeconds);
        }
        String id = admin().body(body)
                .post(path("/chargers/" + charger.id() + "/commands"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    JsonPath command(UUID id) {
        return get(path("/commands/" + id));
    }

    private String path(String relative) {
        return "/api/v1/workspaces/" + workspaceId + relative;
    }

    private static JsonPath get(String path) {
        return admin().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static UUID created(String path, Map<String, ?> body) {
        String id =
                admin().body(body).post(path).then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static RequestSpecification admin() {
        return given().baseUri(SystemUnderTest.coreUri().toString())
                .auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** 12 characters, unique enough across runs (ids must also be unique across workspaces). */
    static String unique() {
        return Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase()
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36)
                        .toUpperCase();
    }

    private static String vin() {
        StringBuilder vin = new StringBuilder(17);
        for (int i = 0; i < 17; i++) {
            vin.append(VIN_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARACTERS.length())));
        }
        return vin.toString();
    }
}
