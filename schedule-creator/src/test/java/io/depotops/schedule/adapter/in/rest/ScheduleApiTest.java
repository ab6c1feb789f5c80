package io.depotops.schedule.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.depotops.platform.serviceauth.InternalListener;
import io.depotops.platform.testing.DevServiceTokens;
import io.depotops.platform.testing.DevTokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schedule API as planners and core use it: plan, read, re-plan, refusals and access. */
@QuarkusTest
class ScheduleApiTest {

    static final String WORKSPACE = "5c4e0000-0000-4000-8000-000000000001";
    private static final String OTHER = "5c4e0000-0000-4000-8000-000000000002";

    /** A small depot: 2 h from the current hour in 15-minute slots, two vehicles, a 20 kW site. */
    static Map<String, Object> depot(Instant start) {
        return Map.of(
                "workspaceId", WORKSPACE,
                "horizon",
                        Map.of(
                                "start",
                                start.toString(),
                                "end",
                                start.plus(2, ChronoUnit.HOURS).toString()),
                "vehicles",
                        List.of(
                                Map.of(
                                        "id",
                                        "van-1",
                                        "arrival",
                                        start.toString(),
                                        "departure",
                                        start.plus(2, ChronoUnit.HOURS).toString(),
                                        "targetSoc",
                                        0.8,
                                        "batteryKwh",
                                        60,
                                        "currentSoc",
                                        0.5,
                                        "maxPowerKw",
                                        11,
                                        "taperAboveSoc",
                                        0.9),
                                Map.of(
                                        "id",
                                        "van-2",
                                        "arrival",
                                        start.plus(30, ChronoUnit.MINUTES).toString(),
                                        "departure",
                                        start.plus(2, ChronoUnit.HOURS).toString(),
                                        "energyNeededKwh",
                                        12,
                                        "maxPowerKw",
                                        11,
                                        "priority",
                                        2,
                                        "allowedChargers",
                                        List.of("C2"))),
                "chargers",
                        List.of(
                                Map.of("id", "C1", "maxPowerKw", 22, "circuit", "north"),
                                Map.of("id", "C2", "maxPowerKw", 22, "connectors", 2, "circuit", "north")),
                "circuits", List.of(Map.of("id", "north", "limitKw", List.of(20))),
                "siteLimitKw", List.of(20),
                "tariff", Map.of("energyPricePerKwh", List.of(0.2), "demandChargePerKw", 5));
    }

    static Instant thisHour() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS);
    }

    private static ValidatableResponse create(Object body, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/schedules")
                .then();
    }

    @Test
    void anOperatorPlansAndAViewerReadsThePlan() {
        Instant start = thisHour();
        String location = create(depot(start), DevTokens.token("operator", WORKSPACE))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("version", equalTo(1))
                .body("slotStarts", hasSize(8))
                .body("vehicles.vehicleId", containsInAnyOrder("van-1", "van-2"))
                .body("vehicles.find { it.vehicleId == 'van-2' }.chargerId", equalTo("C2"))
                .body("vehicles.find { it.vehicleId == 'van-1' }.unmetKwh", equalTo(0.0f))
                .body("vehicles.find { it.vehicleId == 'van-1' }.socAtDeparture", equalTo(0.8f))
                .body("siteImportKw", everyItem(lessThanOrEqualTo(20.001f)))
                .body("solver.algorithm", equalTo("OPTIMISER"))
                .body("solver.status", equalTo("OPTIMAL"))
                .body("solver.degraded", equalTo(false))
                .extract()
                .header("Location");

        given().auth()
                .oauth2(DevTokens.token("viewer", WORKSPACE))
                .get(location)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("expiresAt", notNullValue());
    }

    @Test
    void anInconsistentProblemIsAProblemNamingEachField() {
        Instant start = thisHour();
        Map<String, Object> body = Map.of(
                "workspaceId", WORKSPACE,
                "horizon",
                        Map.of(
                                "start",
                                start.toString(),
                                "end",
                                start.plus(1, ChronoUnit.HOURS).toString(),
                                "slotLengthsMinutes",
                                List.of(15, 15, 15)),
                "vehicles",
                        List.of(
                                Map.of(
                                        "id",
                                        "a",
                                        "arrival",
                                        start.plus(1, ChronoUnit.HOURS).toString(),
                                        "departure",
                                        start.toString(),
                                        "energyNeededKwh",
                                        5,
                                        "maxPowerKw",
                                        11),
                                Map.of(
                                        "id",
                                        "b",
                                        "arrival",
                                        start.toString(),
                                        "departure",
                                        start.plus(1, ChronoUnit.HOURS).toString(),
                                        "energyNeededKwh",
                                        5,
                                        "maxPowerKw",
                                        -11,
                                        "allowedChargers",
                                        List.of("nowhere"))),
                "chargers", List.of(Map.of("id", "C1", "maxPowerKw", 22)),
                "siteLimitKw", List.of(50));

        create(body, DevTokens.token("operator", WORKSPACE))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://depotops.io/problems/validation-failed"))
                .body("errors.field", hasItem("horizon.slotLengthsMinutes"));

        Map<String, Object> covered = new java.util.HashMap<>(body);
        covered.put(
                "horizon",
                Map.of(
                        "start",
                        start.toString(),
                        "end",
                        start.plus(1, ChronoUnit.HOURS).toString()));
        create(covered, DevTokens.token("operator", WORKSPACE))
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "vehicles[0].departure", "vehicles[1].maxPowerKw", "vehicles[1].allowedChargers[0]"));
    }

    @Test
    void anotherWorkspaceSeesNothingAndAViewerCannotPlan() {
        String location = create(depot(thisHour()), DevTokens.token("admin", WORKSPACE))
                .statusCode(201)
                .extract()
                .header("Location");

        given().auth()
                .oauth2(DevTokens.token("viewer", OTHER))
                .get(location)
                .then()
                .statusCode(404);
        create(depot(thisHour()), DevTokens.token("operator", OTHER)).statusCode(404);
        create(depot(thisHour()), DevTokens.token("viewer", WORKSPACE)).statusCode(403);
        given().contentType(ContentType.JSON)
                .body(depot(thisHour()))
                .post("/api/v1/schedules")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.token("viewer", WORKSPACE))
                .get("/api/v1/schedules/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aReplanAfterAnArrivalMakesTheNextVersionFromTheSlotOfTheChange() {
        Instant start = thisHour();
        String location = create(depot(start), DevTokens.token("operator", WORKSPACE))
                .statusCode(201)
                .extract()
                .header("Location");
        Map<String, Object> changes = Map.of(
                "basedOnVersion",
                1,
                "at",
                start.plus(35, ChronoUnit.MINUTES).toString(),
                "arrivals",
                List.of(Map.of(
                        "id",
                        "van-3",
                        "arrival",
                        start.plus(35, ChronoUnit.MINUTES).toString(),
                        "departure",
                        start.plus(2, ChronoUnit.HOURS).toString(),
                        "energyNeededKwh",
                        5,
                        "maxPowerKw",
                        7)),
                "socUpdates",
                Map.of("van-1", 0.6),
                "siteLimitKw",
                12,
                "timeLimitMillis",
                500);

        given().auth()
                .oauth2(DevTokens.token("operator", WORKSPACE))
                .contentType(ContentType.JSON)
                .body(changes)
                .post(location + "/replan")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("slotStarts", hasSize(6))
                .body(
                        "slotStarts[0]",
                        equalTo(start.plus(30, ChronoUnit.MINUTES).toString()))
                .body("vehicles.vehicleId", hasItem("van-3"))
                .body("vehicles.find { it.vehicleId == 'van-3' }.chargerId", notNullValue())
                .body("siteImportKw", everyItem(lessThanOrEqualTo(12.001f)));

        given().auth()
                .oauth2(DevTokens.token("operator", WORKSPACE))
                .contentType(ContentType.JSON)
                .body(changes)
                .post(location + "/replan")
                .then()
                .statusCode(409)
                .body("extensions.currentVersion", equalTo(2));

        given().auth()
                .oauth2(DevTokens.token("operator", WORKSPACE))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "basedOnVersion",
                        2,
                        "at",
                        start.plus(40, ChronoUnit.MINUTES).toString(),
                        "departures",
                        Map.of("ghost", start.toString())))
                .post(location + "/replan")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("departures.ghost"));
    }

    @Test
    void coreCallsTheInternalListenerWithItsServiceTokenOnly() {
        int internal = Arc.container().instance(InternalListener.class).get().port();

        given().port(internal)
                .auth()
                .oauth2(DevServiceTokens.token("manage-core", "schedule-creator"))
                .contentType(ContentType.JSON)
                .body(depot(thisHour()))
                .post("/internal/v1/schedules")
                .then()
                .statusCode(200)
                .body("vehicles", hasSize(2))
                .body("solver.status", equalTo("OPTIMAL"));
        given().port(internal)
                .contentType(ContentType.JSON)
                .body(depot(thisHour()))
                .post("/internal/v1/schedules")
                .then()
                .statusCode(401);
        given().port(internal)
                .auth()
                .oauth2(DevServiceTokens.token("telematics", "schedule-creator"))
                .contentType(ContentType.JSON)
                .body(depot(thisHour()))
                .post("/internal/v1/schedules")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .auth()
                .oauth2(DevServiceTokens.token("manage-core", "schedule-creator"))
                .body(depot(thisHour()))
                .post("/internal/v1/schedules")
                .then()
                .statusCode(404);
    }
}
