package io.depotops.twin.adapter.in.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.sitepwrmon.NodeLoadV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.twin.DepotSnapshotV1;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.testing.DevTokens;
import io.depotops.platform.testing.TestQueue;
import io.depotops.twin.CoreStandIn;
import io.depotops.twin.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live model end to end: a depot loaded from core (stood in), kept live from events published
 * on the real broker, projections refreshed per event, departure-risk crossings published through
 * the outbox once per crossing, each event applied once per id.
 */
@QuarkusTest
class TwinLiveModelTest extends TestEnvironment {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    private final String workspace = UUID.randomUUID().toString();
    private final String depot = "depot-" + UUID.randomUUID();
    private final String chargePoint = "CP-" + UUID.randomUUID();
    private final String bus = "BUS-" + UUID.randomUUID();
    private final String van = "VAN-" + UUID.randomUUID();
    private final String site = "SITE-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A 400 kWh bus at 20 % needing 90 % in 4 h (70 kW on average) on a 150 kW charger now giving 100 kW. */
    private void stubDepot() throws Exception {
        DepotSnapshotV1 snapshot = new DepotSnapshotV1(
                workspace,
                depot,
                now,
                List.of(new DepotSnapshotV1.Charger(
                        "charger-1",
                        chargePoint,
                        site,
                        150,
                        true,
                        true,
                        now,
                        List.of(new DepotSnapshotV1.Connector(1, "Charging", 100.0, bus, 11L, now)))),
                List.of(
                        new DepotSnapshotV1.Vehicle(
                                bus,
                                400,
                                null,
                                150.0,
                                80.0,
                                50.0,
                                20.0,
                                now,
                                90,
                                now.plus(Duration.ofHours(4)),
                                List.of()),
                        new DepotSnapshotV1.Vehicle(
                                van,
                                80,
                                22.0,
                                null,
                                null,
                                null,
                                95.0,
                                now,
                                90,
                                now.plus(Duration.ofHours(6)),
                                List.of())),
                List.of(new DepotSnapshotV1.SiteNode(site, null, 400.0, 120.0, now)));
        CoreStandIn.server.stubFor(get(urlEqualTo("/internal/v1/twin/workspaces/" + workspace + "/depots/" + depot))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(json.writeValueAsBytes(snapshot))));
    }

    private String url() {
        return "/api/v1/workspaces/" + workspace + "/depots/" + depot + "/twin";
    }

    private JsonNode twin() throws Exception {
        String body = given().auth()
                .oauth2(DevTokens.token("viewer", workspace))
                .get(url())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return json.readTree(body);
    }

    private static JsonNode projectionOf(JsonNode twin, String vehicleId) {
        for (JsonNode vehicle : twin.path("projection").path("vehicles")) {
            if (vehicle.path("vehicleId").asText().equals(vehicleId)) {
                return vehicle;
            }
        }
        throw new AssertionError("no projection for " + vehicleId + " in " + twin);
    }

    private CloudEvent publish(String type, String source, Object data) throws Exception {
        CloudEvent event = DepotopsEvents.create(type, source, null, workspace, json.writeValueAsBytes(data));
        publish(event);
        return event;
    }

    private void publish(CloudEvent event) throws Exception {
        publisher.publish(new OutgoingMessage(
                Exchanges.EVENTS,
                event.getType(),
                event.getId(),
                DepotopsEvents.CONTENT_TYPE,
                DepotopsEvents.serialize(event),
                Map.of()));
    }

    private MeterValuesV1 meter(double kw, Instant at) {
        return new MeterValuesV1(chargePoint, "1.6", null, 1, 11L, "11", at, 1000L, kw * 1000, null, null, null);
    }

    private List<JsonNode> crossings(TestQueue queue, String type) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (TestQueue.Delivery delivery : queue.deliveries()) {
            CloudEvent event = DepotopsEvents.deserialize(delivery.body());
            JsonNode data = json.readTree(event.getData().toBytes());
            if (event.getType().equals(type)
                    && depot.equals(data.path("depotId").asText())) {
                found.add(data);
            }
        }
        return found;
    }

    @Test
    void projectsFromCoresSnapshotAndAnnouncesEachCrossingOnce() throws Exception {
        stubDepot();
        try (TestQueue queue = TestQueue.bind(Exchanges.EVENTS, "twin.vehicle.#")) {
            JsonNode first = twin();
            assertThat(projectionOf(first, bus).path("atRisk").asBoolean()).isFalse();
            assertThat(projectionOf(first, bus).path("projectedSocPercent").asDouble())
                    .isEqualTo(90.0);
            assertThat(projectionOf(first, van).path("atRisk").asBoolean()).isFalse();
            // The twin called core's internal listener with its service token.
            CoreStandIn.server.verify(
                    getRequestedFor(urlEqualTo("/internal/v1/twin/workspaces/" + workspace + "/depots/" + depot))
                            .withHeader("Authorization", matching("Bearer .+")));

            // The charger now gives 40 kW: 160 kWh in 4 h, the bus leaves at 60 % (power binds).
            long published = System.nanoTime();
            publish(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "/manage-connect", meter(40, now.plusSeconds(1)));
            await().atMost(WAIT)
                    .until(() -> crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_AT_RISK_V1)
                                    .size()
                            == 1);
            System.out.printf(
                    "twin: meter value to departure-at-risk event: %d ms%n",
                    (System.nanoTime() - published) / 1_000_000);
            JsonNode atRisk = crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_AT_RISK_V1)
                    .get(0);
            assertThat(atRisk.path("vehicleId").asText()).isEqualTo(bus);
            assertThat(atRisk.path("reason").asText()).isEqualTo("POWER_LIMITED");
            assertThat(atRisk.path("chargerId").asText()).isEqualTo(chargePoint);
            // Projected from the moment the event arrived: a few seconds less than 4 h at 40 kW.
            assertThat(atRisk.path("projectedSocPercent").asDouble()).isCloseTo(60.0, within(0.5));
            assertThat(atRisk.path("shortfallKwh").asDouble()).isCloseTo(120.0, within(2.0));

            // Another refresh that stays below the target announces nothing new.
            publish(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "/manage-connect", meter(45, now.plusSeconds(2)));
            await().atMost(WAIT)
                    .until(() -> projectionOf(twin(), bus).path("powerKw").asDouble() == 45.0);

            // Back to 100 kW: cleared once.
            publish(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "/manage-connect", meter(100, now.plusSeconds(3)));
            await().atMost(WAIT)
                    .until(() -> crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_RISK_CLEARED_V1)
                                    .size()
                            == 1);
            assertThat(crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_RISK_CLEARED_V1)
                            .get(0)
                            .path("reason")
                            .asText())
                    .isEqualTo("PROJECTED_READY");

            // The charger drops off: at risk again, the charger is what binds.
            publish(
                    EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                    "/manage-connect",
                    new ChargerDisconnectedV1(chargePoint, "1.6", "s1", now.plusSeconds(4), "closed"));
            await().atMost(WAIT)
                    .until(() -> crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_AT_RISK_V1)
                                    .size()
                            == 2);
            assertThat(crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_AT_RISK_V1)
                            .get(1)
                            .path("reason")
                            .asText())
                    .isEqualTo("CHARGER_FAULTED");
            assertThat(crossings(queue, EventTypes.TWIN_VEHICLE_DEPARTURE_AT_RISK_V1))
                    .extracting(data -> data.path("vehicleId").asText())
                    .containsOnly(bus);
        }
    }

    @Test
    void appliesEachEventIdOnceAndSkipsWhatItCannotRead() throws Exception {
        stubDepot();
        twin();
        CloudEvent slow =
                publish(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "/manage-connect", meter(40, now.plusSeconds(1)));
        await().atMost(WAIT)
                .until(() -> projectionOf(twin(), bus).path("powerKw").asDouble() == 40.0);

        // A newer reading under an id already seen is a redelivery: not applied.
        CloudEvent sameId = io.cloudevents.core.builder.CloudEventBuilder.v1(DepotopsEvents.create(
                        slow.getType(),
                        "/manage-connect",
                        null,
                        workspace,
                        json.writeValueAsBytes(meter(120, now.plusSeconds(5)))))
                .withId(slow.getId())
                .build();
        publish(sameId);
        // Unreadable: a meter reading without its time (parked), then a telematics SoC for the van.
        Map<String, Object> noTime = new LinkedHashMap<>();
        noTime.put("chargePointId", chargePoint);
        noTime.put("connectorId", 1);
        noTime.put("powerW", 150000.0);
        publish(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "/manage-connect", noTime);
        Map<String, Object> vanUpdate = new LinkedHashMap<>();
        vanUpdate.put("vehicleId", van);
        vanUpdate.put("depotId", depot);
        vanUpdate.put("observedAt", now.plusSeconds(6).toString());
        vanUpdate.put("stateOfChargePercent", 30.0);
        publish(EventTypes.CORE_TELEMATICS_VEHICLE_UPDATED_V1, "/manage-core", vanUpdate);
        publish(
                EventTypes.SITEPWRMON_NODE_LOAD_V1,
                "/manage-sitepwrmon",
                new NodeLoadV1(
                        site,
                        workspace,
                        site,
                        "m1",
                        now.plusSeconds(6),
                        90,
                        null,
                        350.0,
                        null,
                        260.0,
                        null,
                        null,
                        "OK"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode twin = twin();
            assertThat(projectionOf(twin, van).path("reason").asText()).isEqualTo("NOT_PLUGGED_IN");
            assertThat(twin.path("nodes").get(0).path("loadKw").asDouble()).isEqualTo(90.0);
            assertThat(twin.path("nodes").get(0).path("limitKw").asDouble()).isEqualTo(350.0);
        });
        JsonNode twin = twin();
        assertThat(projectionOf(twin, bus).path("powerKw").asDouble()).isEqualTo(40.0);
        // The site's other load: 90 kW measured less the 40 kW the charger gives.
        assertThat(twin.path("projection")
                        .path("siteLoad")
                        .get(0)
                        .path("otherKw")
                        .asDouble())
                .isEqualTo(50.0);
        assertThat(twin.path("vehicles").get(1).path("socConfirmedAt").asText())
                .isEqualTo(now.plusSeconds(6).toString());
    }

    @Test
    void readsAreWorkspaceScopedAndAnUnknownDepotIsNotFound() throws Exception {
        stubDepot();
        given().get(url()).then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.token("admin", UUID.randomUUID().toString()))
                .get(url())
                .then()
                .statusCode(404);
        CoreStandIn.server.stubFor(get(urlEqualTo("/internal/v1/twin/workspaces/" + workspace + "/depots/nowhere"))
                .willReturn(aResponse().withStatus(404)));
        given().auth()
                .oauth2(DevTokens.token("viewer", workspace))
                .get("/api/v1/workspaces/" + workspace + "/depots/nowhere/twin")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DevTokens.token("viewer", workspace))
                .get(url())
                .then()
                .statusCode(200)
                .body("depotId", equalTo(depot));
    }

    @Test
    void whatIfProjectsAChangedCopyBesideTheLiveProjection() throws Exception {
        stubDepot();
        String token = DevTokens.token("viewer", workspace);
        String body = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("changes", List.of(Map.of("kind", "CHARGER_DOWN", "chargePointId", chargePoint))))
                .post(url() + "/what-if")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode result = json.readTree(body);
        assertThat(projectionOf(result.path("live").isMissingNode() ? result : wrap(result.path("live")), bus)
                        .path("atRisk")
                        .asBoolean())
                .isFalse();
        JsonNode changed = projectionOf(wrap(result.path("changed")), bus);
        assertThat(changed.path("atRisk").asBoolean()).isTrue();
        assertThat(changed.path("reason").asText()).isEqualTo("CHARGER_FAULTED");
        // The live model is untouched by a what-if.
        assertThat(projectionOf(twin(), bus).path("atRisk").asBoolean()).isFalse();

        // Late by 3 h: more time, still ready; a limit of 60 kW on the site (120 kW measured, 100 kW charging).
        String late = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of(
                        "changes",
                        List.of(
                                Map.of("kind", "VEHICLE_LATE", "vehicleId", bus, "minutes", 180),
                                Map.of("kind", "LIMIT_LOWERED", "nodeId", site, "limitKw", 60))))
                .post(url() + "/what-if")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode lateBus = projectionOf(wrap(json.readTree(late).path("changed")), bus);
        assertThat(lateBus.path("departureAt").asText())
                .isEqualTo(now.plus(Duration.ofHours(7)).toString());
        assertThat(lateBus.path("powerKw").asDouble()).isCloseTo(40.0, within(1e-9));

        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("changes", List.of(Map.of("kind", "METEOR"))))
                .post(url() + "/what-if")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("changes", List.of(Map.of("kind", "CHARGER_DOWN", "chargePointId", "CP-NOT-HERE"))))
                .post(url() + "/what-if")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("changes", List.of()))
                .post(url() + "/what-if")
                .then()
                .statusCode(400);
    }

    private JsonNode wrap(JsonNode projection) {
        return json.createObjectNode().set("projection", projection);
    }
}
