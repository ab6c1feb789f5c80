package io.depotops.core.adapter.in.messaging;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.charger;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.uniqueChargePointId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.connect.TransactionEventV1;
import io.depotops.contracts.events.sitepwrmon.LimitExceededV1;
import io.depotops.contracts.events.sitepwrmon.NodeLoadV1;
import io.depotops.contracts.events.sitepwrmon.PhaseAmpsV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.RoutingKeys;
import io.depotops.core.TestClock;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Load management end to end on the real broker and database: sitepwrmon's node loads in, the
 * site's sessions charged by priority within the headroom, SET_CHARGING_LIMIT commands on the
 * chargers' routing keys, the allocation API, and the fallback when the measurement goes stale.
 */
@QuarkusTest
class LoadManagementFlowTest {

    @Inject
    TestClock clock;

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    private String workspace;
    private String operator;
    private String site;
    private final List<String> chargePoints = new ArrayList<>();
    private final List<String> chargers = new ArrayList<>();
    private final List<String> vehicles = new ArrayList<>();

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** A 100 kW site with two chargers, each charging a vehicle; the first vehicle has level 1. */
    @BeforeEach
    void siteWithTwoSessions() throws Exception {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        String depot = newDepot(operator, workspace);
        site = as(operator)
                .body(Map.of("depotId", depot, "name", "Grid " + UUID.randomUUID(), "gridCapacityKw", 100))
                .post("/api/v1/workspaces/{ws}/sites", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int i = 0; i < 2; i++) {
            String chargePointId = uniqueChargePointId();
            chargePoints.add(chargePointId);
            chargers.add(as(operator)
                    .body(charger(site, chargePointId))
                    .post("/api/v1/workspaces/{ws}/chargers", workspace)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
            vehicles.add(as(operator)
                    .body(Map.of(
                            "vin",
                            "WDB90663310"
                                    + String.format(
                                            "%06d", ThreadLocalRandom.current().nextInt(1_000_000)),
                            "fleetNumber",
                            "L-" + chargePointId,
                            "batteryKwh",
                            300,
                            "idTag",
                            "TAG-" + chargePointId,
                            "depotId",
                            depot))
                    .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        as(operator)
                .body(Map.of("level", 1))
                .put("/api/v1/workspaces/{ws}/vehicles/{id}/priority", workspace, vehicles.get(0))
                .then()
                .statusCode(204);
        Instant at = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 2; i++) {
            long id = (1L << 30) + ThreadLocalRandom.current().nextInt(1 << 29);
            String chargePointId = chargePoints.get(i);
            connect(
                    chargePointId,
                    EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                    new TransactionEventV1(
                            chargePointId,
                            "1.6",
                            "Started",
                            id,
                            null,
                            1,
                            1,
                            "TAG-" + chargePointId,
                            1000L,
                            at,
                            null,
                            null));
            // Each charger draws 10 kW now.
            connect(
                    chargePointId,
                    EventTypes.CONNECT_CHARGER_METER_VALUES_V1,
                    new MeterValuesV1(
                            chargePointId,
                            "1.6",
                            null,
                            1,
                            id,
                            null,
                            at.plusSeconds(60),
                            2000L,
                            10_000.0,
                            null,
                            null,
                            null));
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/transactions?status=Active", workspace)
                        .then()
                        .body("items", hasSize(2)));
    }

    @Test
    void aNodeLoadSharesTheHeadroomByPriorityAndSendsTheLimits() throws Exception {
        try (TestQueue first = TestQueue.bind(Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePoints.get(0)));
                TestQueue second = TestQueue.bind(Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePoints.get(1)))) {
            // Site load 60 kW of which the chargers draw 20: base load 40; limit min(100, 80) = 80;
            // margin 2: 38 kW. Each session a minimum of 1.4, the rest to the level-1 vehicle first
            // (its EVSE takes up to 150 kW): 36.6 and 1.4.
            CloudEvent load = nodeLoad("grid-" + site, Instant.now(), 60, 80.0);
            sitepwrmon(load);

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> first.deliveries().size() == 1
                            && second.deliveries().size() == 1);
            ChargerCommandV1 toFirst =
                    json.readValue(first.deliveries().getFirst().body(), ChargerCommandV1.class);
            ChargerCommandV1 toSecond =
                    json.readValue(second.deliveries().getFirst().body(), ChargerCommandV1.class);
            assertThat(toFirst.command()).isEqualTo(ChargerCommandV1.Command.SET_CHARGING_LIMIT);
            assertThat(toFirst.parameters()).containsEntry("evseId", 1);
            assertThat(((Number) toFirst.parameters().get("limitKw")).doubleValue())
                    .isEqualTo(36.6);
            assertThat(((Number) toSecond.parameters().get("limitKw")).doubleValue())
                    .isEqualTo(1.4);

            as(token("viewer", workspace))
                    .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, site)
                    .then()
                    .statusCode(200)
                    .body("mode", equalTo("MEASURED"))
                    .body("inputs.measuredLoadKw", equalTo(60.0f))
                    .body("inputs.chargersDrawKw", equalTo(20.0f))
                    .body("inputs.baseLoadKw", equalTo(40.0f))
                    .body("inputs.headroomKw", equalTo(38.0f))
                    .body("limits.find { it.chargerId == '%s' }.limitKw".formatted(chargers.get(0)), equalTo(36.6f))
                    .body("limits.find { it.chargerId == '%s' }.priorityTier".formatted(chargers.get(0)), equalTo(1))
                    // The first filled the site's headroom; the second had only its minimum left.
                    .body(
                            "limits.find { it.chargerId == '%s' }.reason.kind".formatted(chargers.get(0)),
                            equalTo("NODE_POWER"))
                    .body(
                            "limits.find { it.chargerId == '%s' }.reason.byHigherPriority".formatted(chargers.get(0)),
                            equalTo(false))
                    .body(
                            "limits.find { it.chargerId == '%s' }.reason.byHigherPriority".formatted(chargers.get(1)),
                            equalTo(true))
                    .body(
                            "limits.find { it.chargerId == '%s' }.reason.nodeId".formatted(chargers.get(1)),
                            equalTo("site"));

            // The same event again (a redelivery) and an older one change nothing; a slightly
            // higher headroom is within the hysteresis: no new command.
            sitepwrmon(load);
            sitepwrmon(nodeLoad("grid-" + site, Instant.now().minusSeconds(20), 20, 80.0));
            sitepwrmon(nodeLoad("grid-" + site, Instant.now(), 59.8, 80.0));
            Thread.sleep(1500);
            assertThat(first.deliveries()).hasSize(1);
            assertThat(second.deliveries()).hasSize(1);

            // The load rises above what is left: a lower limit goes out at once, hysteresis or not.
            sitepwrmon(limitExceeded("grid-" + site, Instant.now(), 85, 80.0));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> first.deliveries().size() == 2);
            ChargerCommandV1 lowered = json.readValue(first.deliveries().get(1).body(), ChargerCommandV1.class);
            // Base load 65: 13 kW left, 11.6 to the first.
            assertThat(((Number) lowered.parameters().get("limitKw")).doubleValue())
                    .isEqualTo(11.6);

            // History: the first allocation and the lowered one (the repeats within the hysteresis
            // sent nothing and are not kept), newest first, each limit with its reason.
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> as(token("viewer", workspace))
                            .get("/api/v1/workspaces/{ws}/sites/{id}/allocation/history", workspace, site)
                            .then()
                            .statusCode(200)
                            .body("size()", equalTo(2))
                            .body("[0].inputs.baseLoadKw", equalTo(65.0f))
                            .body("[1].inputs.baseLoadKw", equalTo(40.0f))
                            .body(
                                    "[0].limits.find { it.chargerId == '%s' }.limitKw".formatted(chargers.get(0)),
                                    equalTo(11.6f))
                            .body("[0].limits.reason.kind", org.hamcrest.Matchers.everyItem(equalTo("NODE_POWER"))));
            as(token("viewer", workspace))
                    .queryParam("limit", 1)
                    .get("/api/v1/workspaces/{ws}/sites/{id}/allocation/history", workspace, site)
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(1));
            as(token("viewer", workspace))
                    .queryParam("to", Instant.now().minusSeconds(3600).toString())
                    .get("/api/v1/workspaces/{ws}/sites/{id}/allocation/history", workspace, site)
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
        }
    }

    @Test
    void aSilentMeterFallsBackToTheConservativeDefault() throws Exception {
        sitepwrmon(nodeLoad("grid-" + site, Instant.now(), 30, null));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, site)
                        .then()
                        .statusCode(200)
                        .body("mode", equalTo("MEASURED")));

        try (TestQueue first = TestQueue.bind(Exchanges.COMMANDS, RoutingKeys.chargePoint(chargePoints.get(0)))) {
            clock.advance(Duration.ofMinutes(2)); // no node load for longer than stale-after
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, site)
                            .then()
                            .statusCode(200)
                            .body("mode", equalTo("FALLBACK"))
                            .body("limits.limitKw", org.hamcrest.Matchers.everyItem(equalTo(3.7f))));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !first.deliveries().isEmpty());
            ChargerCommandV1 fallback =
                    json.readValue(first.deliveries().getLast().body(), ChargerCommandV1.class);
            assertThat(((Number) fallback.parameters().get("limitKw")).doubleValue())
                    .isEqualTo(3.7);
        }
    }

    @Test
    void loadsOfUnknownSitesAreDroppedAndAllocationsStayInTheirWorkspace() throws Exception {
        sitepwrmon(nodeLoad(
                "grid-x", Instant.now(), 30, null, workspace, UUID.randomUUID().toString()));
        sitepwrmon(nodeLoad("grid-y", Instant.now(), 30, null, workspace, "not-a-site"));
        String other = newWorkspace();
        sitepwrmon(nodeLoad("grid-z", Instant.now(), 30, null, other, site)); // someone else's id
        Thread.sleep(1500);
        as(operator)
                .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, site)
                .then()
                .statusCode(404);

        sitepwrmon(nodeLoad("grid-" + site, Instant.now(), 30, null));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, site)
                        .then()
                        .statusCode(200));
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", other, site)
                .then()
                .statusCode(404);
        as(operator)
                .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, "not-a-uuid")
                .then()
                .statusCode(404);
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/sites/{id}/allocation/history", other, site)
                .then()
                .statusCode(404);
        as(token("viewer", other))
                .get("/api/v1/workspaces/{ws}/sites/{id}/allocation/history", workspace, site)
                .then()
                .statusCode(404);
        for (String bad : List.of(
                "from=yesterday", "limit=0", "limit=501", "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            as(operator)
                    .get("/api/v1/workspaces/{ws}/sites/{id}/allocation/history?" + bad, workspace, site)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aPhaseNearItsCurrentLimitBindsTheSite() throws Exception {
        // 200 kW limit (the site's 100 kW capacity binds), 60 kW load: 58 kW headroom. L1 at 90 of its
        // 100 A, of which the two sessions draw 20 kW / (3 x 230 V) = 29 A: 36.1 A left on L1 after
        // the 2 kW margin, about 24.9 kW in all, so L1 binds.
        NodeLoadV1 data = new NodeLoadV1(
                "grid-" + site,
                workspace,
                site,
                "meter-grid",
                Instant.now(),
                60,
                new PhaseAmpsV1(90.0, 30.0, 30.0),
                200.0,
                new PhaseAmpsV1(100.0, 100.0, 100.0),
                140.0,
                new PhaseAmpsV1(10.0, 70.0, 70.0),
                null,
                "NORMAL");
        sitepwrmon(event(EventTypes.SITEPWRMON_NODE_LOAD_V1, "grid-" + site, workspace, data));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/sites/{id}/allocation", workspace, site)
                        .then()
                        .statusCode(200)
                        .body("inputs.headroomKw", equalTo(58.0f))
                        .body(
                                "inputs.headroomA.l1",
                                org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(36.0f))
                                        .and(org.hamcrest.Matchers.lessThan(36.2f)))
                        .body(
                                "inputs.headroomA.l2",
                                org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(96.0f))
                                        .and(org.hamcrest.Matchers.lessThan(96.2f)))
                        .body("limits.reason.kind", org.hamcrest.Matchers.everyItem(equalTo("NODE_PHASE")))
                        .body("limits.reason.phase", org.hamcrest.Matchers.everyItem(equalTo("L1")))
                        // 24.9 kW less the second's minimum of 1.4, rounded down to 0.1 kW.
                        .body(
                                "limits.find { it.chargerId == '%s' }.limitKw".formatted(chargers.get(0)),
                                org.hamcrest.Matchers.anyOf(equalTo(23.5f), equalTo(23.4f))));
    }

    private CloudEvent nodeLoad(String node, Instant at, double loadKw, Double limitKw) {
        return nodeLoad(node, at, loadKw, limitKw, workspace, site);
    }

    private CloudEvent nodeLoad(String node, Instant at, double loadKw, Double limitKw, String ws, String siteId) {
        NodeLoadV1 data = new NodeLoadV1(
                node,
                ws,
                siteId,
                "meter-" + node,
                at,
                loadKw,
                null,
                limitKw,
                null,
                limitKw == null ? null : limitKw - loadKw,
                null,
                null,
                "NORMAL");
        return event(EventTypes.SITEPWRMON_NODE_LOAD_V1, node, ws, data);
    }

    private CloudEvent limitExceeded(String node, Instant at, double loadKw, double limitKw) {
        LimitExceededV1 data = new LimitExceededV1(
                node, workspace, site, at, loadKw, null, limitKw, null, "POWER", loadKw / limitKw, null);
        return event(EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, node, workspace, data);
    }

    private CloudEvent event(String type, String subject, String ws, Object data) {
        try {
            return io.depotops.contracts.events.DepotopsEvents.create(
                    type, "/manage-sitepwrmon", subject, ws, json.writeValueAsBytes(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sitepwrmon(CloudEvent event) throws Exception {
        TestEvents.publish(publisher, event);
    }

    private void connect(String chargePointId, String type, Object data) throws Exception {
        TestEvents.publish(publisher, json, type, "/manage-connect", chargePointId, null, data);
    }
}
