package io.depotops.sitepwrmon.adapter.out.messaging;

import static io.depotops.sitepwrmon.MeterFixtures.events;
import static io.depotops.sitepwrmon.MeterFixtures.meter;
import static io.depotops.sitepwrmon.MeterFixtures.reading;
import static io.depotops.sitepwrmon.MeterFixtures.upload;
import static io.depotops.sitepwrmon.PowerFixtures.admin;
import static io.depotops.sitepwrmon.PowerFixtures.create;
import static io.depotops.sitepwrmon.PowerFixtures.newId;
import static io.depotops.sitepwrmon.PowerFixtures.node;
import static io.depotops.sitepwrmon.PowerFixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load and limit events through the outbox, from readings to RabbitMQ. */
@QuarkusTest
class LimitEventsTest {

    private final String workspace = newId();
    private final String site = newId();
    private final String meterId = "M-" + newId().substring(0, 8);

    /** A circuit limited to 100 kW and 160 A per phase, metered. */
    private String circuit(int silentAfterSeconds) {
        String grid = root(workspace, site, 1000.0, null);
        Map<String, Object> body = node(site, grid, "CIRCUIT", "circuit");
        body.put("limitKw", 100);
        body.put("limitA", Map.of("l1", 160, "l2", 160, "l3", 160));
        String id = create(workspace, body);
        meter(workspace, meterId, id, Map.of("silentAfterSeconds", silentAfterSeconds));
        return id;
    }

    @Test
    void loadIsPublishedAtMostOncePerSecondAndTheLimitEventsOncePerEntry() throws Exception {
        String circuit = circuit(3600);
        try (TestQueue queue = TestQueue.bind(Exchanges.EVENTS, "sitepwrmon.#")) {
            Instant t = Instant.now().minusSeconds(60);
            // 3 x 10 kW: 30 % of the power limit.
            upload(workspace, List.of(reading(meterId, t, 10_000, 43))).statusCode(200);
            // Within the same second of wall time: no second load event.
            upload(workspace, List.of(reading(meterId, t.plusSeconds(1), 11_000, 47)))
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !events(queue, EventTypes.SITEPWRMON_NODE_LOAD_V1, circuit)
                            .isEmpty());
            JsonNode load =
                    events(queue, EventTypes.SITEPWRMON_NODE_LOAD_V1, circuit).getFirst();
            assertThat(load.get("loadKw").asDouble()).isEqualTo(30.0);
            assertThat(load.get("limitKw").asDouble()).isEqualTo(100.0);
            assertThat(load.get("headroomKw").asDouble()).isEqualTo(70.0);
            assertThat(load.get("headroomA").get("l2").asDouble()).isEqualTo(117.0);
            assertThat(load.get("state").asText()).isEqualTo("NORMAL");
            assertThat(load.get("siteId").asText()).isEqualTo(site);

            // 93 kW: approaching; 120 kW twice: exceeded once.
            upload(workspace, List.of(reading(meterId, t.plusSeconds(2), 31_000, 135)))
                    .statusCode(200);
            upload(workspace, List.of(reading(meterId, t.plusSeconds(3), 40_000, 150)))
                    .statusCode(200);
            upload(workspace, List.of(reading(meterId, t.plusSeconds(4), 40_000, 150)))
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !events(queue, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, circuit)
                            .isEmpty());
            List<JsonNode> approaching = events(queue, EventTypes.SITEPWRMON_LIMIT_APPROACHING_V1, circuit);
            assertThat(approaching).hasSize(1);
            assertThat(approaching.getFirst().get("binding").asText()).isEqualTo("POWER");
            assertThat(approaching.getFirst().get("utilisation").asDouble())
                    .isCloseTo(0.93, org.assertj.core.data.Offset.offset(1e-6));
            Thread.sleep(1500);
            List<JsonNode> exceeded = events(queue, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, circuit);
            assertThat(exceeded).hasSize(1);
            assertThat(exceeded.getFirst().get("loadKw").asDouble()).isEqualTo(120.0);
            assertThat(events(queue, EventTypes.SITEPWRMON_NODE_LOAD_V1, circuit))
                    .hasSizeLessThanOrEqualTo(3);
            admin(workspace)
                    .get("/api/v1/workspaces/{ws}/nodes/{id}/load", workspace, circuit)
                    .then()
                    .body("limitState", equalTo("EXCEEDED"));
        }
    }

    @Test
    void aPhaseCurrentAboveItsLimitIsExceededEvenUnderThePowerLimit() throws Exception {
        String circuit = circuit(3600);
        try (TestQueue queue = TestQueue.bind(Exchanges.EVENTS, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1)) {
            Map<String, Object> r = reading(meterId, Instant.now().minusSeconds(5), 1000, 10);
            r.put("currentA", Map.of("l1", 10, "l2", 170, "l3", 10));
            upload(workspace, List.of(r)).statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !events(queue, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, circuit)
                            .isEmpty());
            assertThat(events(queue, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, circuit)
                            .getFirst()
                            .get("binding")
                            .asText())
                    .isEqualTo("L2");
        }
    }

    @Test
    void anExternalLimitSignalBindsFromItsStart() throws Exception {
        String circuit = circuit(3600);
        Instant now = Instant.now();
        String signal = admin(workspace)
                .body(Map.of(
                        "capKw",
                        40,
                        "startsAt",
                        now.minusSeconds(30).toString(),
                        "endsAt",
                        now.plus(Duration.ofHours(1)).toString(),
                        "source",
                        "DSO demand response"))
                .post("/api/v1/workspaces/{ws}/nodes/{id}/limit-signals", workspace, circuit)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        admin(workspace)
                .body(Map.of(
                        "capKw",
                        10,
                        "startsAt",
                        now.plus(Duration.ofHours(2)).toString(),
                        "endsAt",
                        now.plus(Duration.ofHours(1)).toString(),
                        "source",
                        "DSO"))
                .post("/api/v1/workspaces/{ws}/nodes/{id}/limit-signals", workspace, circuit)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("endsAt"));
        try (TestQueue queue = TestQueue.bind(Exchanges.EVENTS, "sitepwrmon.#")) {
            // 45 kW: under the circuit's 100 kW, above the signal's 40 kW.
            upload(workspace, List.of(reading(meterId, now.minusSeconds(2), 15_000, 65)))
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !events(queue, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, circuit)
                            .isEmpty());
            JsonNode exceeded = events(queue, EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1, circuit)
                    .getFirst();
            assertThat(exceeded.get("limitKw").asDouble()).isEqualTo(40.0);
            assertThat(exceeded.get("limitSignalId").asText()).isEqualTo(signal);
        }
    }

    @Test
    void aMeterThatStopsSendingIsReportedSilentOnce() throws Exception {
        String circuit = circuit(1);
        try (TestQueue queue = TestQueue.bind(Exchanges.EVENTS, EventTypes.SITEPWRMON_METER_SILENT_V1)) {
            upload(workspace, List.of(reading(meterId, Instant.now(), 100, 1))).statusCode(200);
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !events(queue, EventTypes.SITEPWRMON_METER_SILENT_V1, meterId)
                            .isEmpty());
            JsonNode silent = events(queue, EventTypes.SITEPWRMON_METER_SILENT_V1, meterId)
                    .getFirst();
            assertThat(silent.get("nodeId").asText()).isEqualTo(circuit);
            assertThat(silent.get("lastReadingAt").isNull()).isFalse();
            admin(workspace)
                    .get("/api/v1/workspaces/{ws}/meters/{id}", workspace, meterId)
                    .then()
                    .body("silentSince", org.hamcrest.Matchers.notNullValue());
            Thread.sleep(2500);
            assertThat(events(queue, EventTypes.SITEPWRMON_METER_SILENT_V1, meterId))
                    .hasSize(1);
            upload(workspace, List.of(reading(meterId, Instant.now(), 100, 1))).statusCode(200);
            admin(workspace)
                    .get("/api/v1/workspaces/{ws}/meters/{id}", workspace, meterId)
                    .then()
                    .body("silentSince", org.hamcrest.Matchers.nullValue());
        }
    }
}
