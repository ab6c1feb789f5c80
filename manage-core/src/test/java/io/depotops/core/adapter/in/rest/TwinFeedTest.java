package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.application.TelematicsIngestService;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.application.load.LoadManagementStore;
import io.depotops.core.application.plan.PlanRepository;
import io.depotops.core.application.port.TransactionRepository;
import io.depotops.core.domain.ChargingTransaction;
import io.depotops.core.domain.TelematicsObservation;
import io.depotops.core.domain.load.SiteMeasurement;
import io.depotops.core.domain.plan.ChargingPlan;
import io.depotops.platform.serviceauth.InternalListener;
import io.depotops.platform.testing.DevServiceTokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Core's twin feed, which digital-twin starts and resyncs each depot's model from (issue 14). */
@QuarkusTest
class TwinFeedTest {

    private static final String FEED = "/internal/v1/twin";

    @Inject
    TelematicsIngestService ingest;

    // Written directly: what connect's facts, the planner and sitepwrmon's reports leave in core.
    @Inject
    TransactionRepository transactions;

    @Inject
    PlanRepository plans;

    @Inject
    LoadManagementStore loads;

    private String workspace;
    private String operator;
    private String depot;
    private String site;

    @BeforeEach
    void depotWithASite() {
        workspace = newWorkspace();
        operator = token("admin", workspace);
        depot = newDepot(operator, workspace);
        site = newSite(operator, workspace, depot);
    }

    private static int internalPort() {
        return Arc.container().instance(InternalListener.class).get().port();
    }

    private static RequestSpecification asTwin() {
        return given().port(internalPort()).auth().oauth2(DevServiceTokens.token("digital-twin", "manage-core"));
    }

    private String vehicle(String fleetNumber, String device) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "depotId", depot, "vin", uniqueVin(), "fleetNumber", fleetNumber, "batteryKwh", 400, "maxDcKw", 150));
        if (device != null) {
            body.put("telematicsProvider", "geotab");
            body.put("telematicsDeviceId", device);
        }
        return as(operator)
                .body(body)
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void stateOfCharge(String device, double percent, Instant at) {
        TelematicsIngestService.Outcome outcome = ingest.ingest(new IncomingUpdate(
                workspace,
                "geotab",
                device,
                null,
                new TelematicsObservation(
                        UUID.randomUUID().toString(),
                        "geotab",
                        at,
                        percent,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of())));
        assertThat(outcome).isEqualTo(TelematicsIngestService.Outcome.ACCEPTED);
    }

    @Test
    void theTwinReadsTheDepotsChargersVehiclesAndDepartures() {
        String chargePointId = uniqueChargePointId();
        String chargerId = as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String device = "dev-" + UUID.randomUUID();
        String bus = vehicle("B-1", device);
        String spare = vehicle("B-2", null);
        Instant observed = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        stateOfCharge(device, 35, observed);
        Instant departure = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        as(operator)
                .body(Map.of(
                        "depotId",
                        depot,
                        "name",
                        "Route 7",
                        "departureAt",
                        departure.toString(),
                        "returnAt",
                        departure.plus(8, ChronoUnit.HOURS).toString(),
                        "requiredEnergyKwh",
                        200,
                        "vehicleId",
                        bus))
                .post("/api/v1/workspaces/{ws}/blocks", workspace)
                .then()
                .statusCode(201);

        List<Map<String, String>> depots = asTwin().get(FEED + "/depots")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(depots).contains(Map.of("workspaceId", workspace, "depotId", depot));

        JsonPath snapshot = asTwin().get(FEED + "/workspaces/{ws}/depots/{depot}", workspace, depot)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(snapshot.getString("workspaceId")).isEqualTo(workspace);
        assertThat(snapshot.getString("depotId")).isEqualTo(depot);
        assertThat(snapshot.getString("asOf")).isNotNull();

        assertThat(snapshot.getList("chargers")).hasSize(1);
        assertThat(snapshot.getString("chargers[0].chargerId")).isEqualTo(chargerId);
        assertThat(snapshot.getString("chargers[0].chargePointId")).isEqualTo(chargePointId);
        assertThat(snapshot.getString("chargers[0].nodeId")).isEqualTo(site);
        assertThat(snapshot.getDouble("chargers[0].maxPowerKw")).isEqualTo(150.0);
        assertThat(snapshot.getBoolean("chargers[0].dc")).isTrue();
        assertThat(snapshot.getBoolean("chargers[0].online")).isFalse();
        assertThat(snapshot.getList("chargers[0].connectors.connectorId")).containsExactly(1);
        assertThat(snapshot.getString("chargers[0].connectors[0].vehicleId")).isNull();

        Map<String, Object> busView = vehicleView(snapshot, bus);
        assertThat(((Number) busView.get("batteryKwh")).doubleValue()).isEqualTo(400.0);
        assertThat(((Number) busView.get("maxDcKw")).doubleValue()).isEqualTo(150.0);
        assertThat(busView.get("maxAcKw")).isNull();
        assertThat(((Number) busView.get("socPercent")).doubleValue()).isEqualTo(35.0);
        assertThat(Instant.parse((String) busView.get("socObservedAt"))).isEqualTo(observed);
        assertThat(Instant.parse((String) busView.get("nextDepartureAt"))).isEqualTo(departure);
        // 200 kWh of a 400 kWh battery plus the 10 % reserve readiness keeps
        assertThat(((Number) busView.get("targetSocPercent")).doubleValue()).isEqualTo(60.0);
        assertThat((List<?>) busView.get("plannedPower")).isEmpty();

        Map<String, Object> spareView = vehicleView(snapshot, spare);
        assertThat(spareView.get("socPercent")).isNull();
        assertThat(spareView.get("nextDepartureAt")).isNull();
        assertThat(((Number) spareView.get("targetSocPercent")).doubleValue()).isEqualTo(100.0);

        assertThat(snapshot.getList("nodes")).hasSize(1);
        assertThat(snapshot.getString("nodes[0].nodeId")).isEqualTo(site);
        assertThat(snapshot.getString("nodes[0].parentId")).isNull();
        assertThat(snapshot.getDouble("nodes[0].limitKw")).isEqualTo(1200.0);
        assertThat(snapshot.getString("nodes[0].loadKw")).isNull();
    }

    @Test
    void anOpenTransactionThePlanAndSitepwrmonsNodeLoadsEnterTheSnapshot() {
        String chargePointId = uniqueChargePointId();
        String chargerId = as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String bus = vehicle("B-7", null);
        Instant started = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        UUID workspaceId = UUID.fromString(workspace);
        long transactionId = QuarkusTransaction.requiringNew()
                .call(() -> transactions
                        .insert(new ChargingTransaction(
                                transactions.nextId(),
                                workspaceId,
                                UUID.fromString(chargerId),
                                chargePointId,
                                1,
                                1,
                                "tx-" + UUID.randomUUID(),
                                "TAG-B-7",
                                UUID.fromString(bus),
                                "Accepted",
                                true,
                                started,
                                null,
                                0,
                                null,
                                null,
                                null,
                                null,
                                0))
                        .id());
        Instant slot = started.truncatedTo(ChronoUnit.HOURS);
        plans.save(new ChargingPlan(
                UUID.fromString(depot),
                workspaceId,
                1,
                started,
                started.plus(1, ChronoUnit.HOURS),
                List.of(slot, slot.plus(15, ChronoUnit.MINUTES)),
                List.of(new ChargingPlan.VehiclePlan(
                        UUID.fromString(bus),
                        UUID.fromString(chargerId),
                        1,
                        slot.plus(2, ChronoUnit.HOURS),
                        List.of(120.0, 80.0),
                        50,
                        90.0,
                        0,
                        List.of())),
                List.of(),
                120,
                10,
                0,
                new ChargingPlan.Solver("test", "OPTIMAL", false, false)));
        Instant measured = started.plus(5, ChronoUnit.MINUTES);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(loads.recordNodeLoad(
                            workspaceId, UUID.fromString(site), new SiteMeasurement(site, measured, 640, 1200.0)))
                    .isTrue();
            assertThat(loads.recordNodeLoad(
                            workspaceId, UUID.fromString(site), new SiteMeasurement("feeder-A", measured, 300, 400.0)))
                    .isTrue();
        });

        JsonPath snapshot = asTwin().get(FEED + "/workspaces/{ws}/depots/{depot}", workspace, depot)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(snapshot.getString("chargers[0].connectors[0].vehicleId")).isEqualTo(bus);
        assertThat(snapshot.getLong("chargers[0].connectors[0].transactionId")).isEqualTo(transactionId);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps =
                (List<Map<String, Object>>) vehicleView(snapshot, bus).get("plannedPower");
        assertThat(steps.stream().map(step -> Instant.parse((String) step.get("from"))))
                .containsExactly(slot, slot.plus(15, ChronoUnit.MINUTES));
        assertThat(steps.stream().map(step -> ((Number) step.get("powerKw")).doubleValue()))
                .containsExactly(120.0, 80.0);

        assertThat(snapshot.getList("nodes.nodeId")).containsExactlyInAnyOrder(site, "feeder-A");
        Map<String, Object> root = snapshot.getMap("nodes.find { it.nodeId == '" + site + "' }");
        assertThat(root.get("parentId")).isNull();
        assertThat(((Number) root.get("limitKw")).doubleValue()).isEqualTo(1200.0);
        assertThat(((Number) root.get("loadKw")).doubleValue()).isEqualTo(640.0);
        Map<String, Object> feeder = snapshot.getMap("nodes.find { it.nodeId == 'feeder-A' }");
        assertThat(feeder.get("parentId")).isEqualTo(site);
        assertThat(((Number) feeder.get("limitKw")).doubleValue()).isEqualTo(400.0);
        assertThat(((Number) feeder.get("loadKw")).doubleValue()).isEqualTo(300.0);
        assertThat(Instant.parse((String) feeder.get("measuredAt"))).isEqualTo(measured);
    }

    private static Map<String, Object> vehicleView(JsonPath snapshot, String vehicleId) {
        List<Map<String, Object>> vehicles = snapshot.getList("vehicles");
        return vehicles.stream()
                .filter(v -> vehicleId.equals(v.get("vehicleId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("vehicle " + vehicleId + " not in " + vehicles));
    }

    @Test
    void anotherWorkspacesDepotOrAnUnknownOneIsNotFound() {
        String otherWorkspace = newWorkspace();
        asTwin().get(FEED + "/workspaces/{ws}/depots/{depot}", otherWorkspace, depot)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asTwin().get(FEED + "/workspaces/{ws}/depots/{depot}", workspace, UUID.randomUUID())
                .then()
                .statusCode(404);
        asTwin().get(FEED + "/workspaces/{ws}/depots/{depot}", workspace, "not-a-uuid")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyDigitalTwinsServiceTokenReadsTheFeed() {
        String path = FEED + "/workspaces/" + workspace + "/depots/" + depot;
        // the public port does not serve internal paths at all
        given().auth().oauth2(operator).get(path).then().statusCode(404);
        given().port(internalPort()).get(path).then().statusCode(401);
        given().port(internalPort()).get(FEED + "/depots").then().statusCode(401);
        // a user's token is never a service token
        given().port(internalPort()).auth().oauth2(operator).get(path).then().statusCode(401);
        // a caller core does not trust at all
        given().port(internalPort())
                .auth()
                .oauth2(DevServiceTokens.token("telematics", "manage-core"))
                .get(path)
                .then()
                .statusCode(401);
        // a trusted service that is not a caller of this feed
        given().port(internalPort())
                .auth()
                .oauth2(DevServiceTokens.token("manage-connect", "manage-core"))
                .get(path)
                .then()
                .statusCode(403);
        // digital-twin's token for another audience
        given().port(internalPort())
                .auth()
                .oauth2(DevServiceTokens.token("digital-twin", "manage-sitepwrmon"))
                .get(path)
                .then()
                .statusCode(401);
    }
}
