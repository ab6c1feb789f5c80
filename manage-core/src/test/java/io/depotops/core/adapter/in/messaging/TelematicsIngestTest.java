package io.depotops.core.adapter.in.messaging;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.ChargingState;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.Position;
import io.depotops.core.TestClock;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canonical updates on the ingest queue become history, snapshot, live state and events. */
@QuarkusTest
class TelematicsIngestTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    private String workspace;
    private String operator;
    private String depot;
    private String vehicle;
    private String device;
    private String vin;

    @BeforeEach
    void vehicleWithADevice() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        device = "geotab-" + UUID.randomUUID();
        vin = "WDB90663310" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        vehicle = as(operator)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        vin,
                        "fleetNumber",
                        "E-" + device.substring(7, 15),
                        "batteryKwh",
                        350,
                        "telematicsProvider",
                        "geotab",
                        "telematicsDeviceId",
                        device))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private CanonicalVehicleUpdateV1 update(String id, Instant at, double soc, String deviceId, String reportedVin) {
        return new CanonicalVehicleUpdateV1(
                id,
                workspace,
                "geotab",
                deviceId,
                reportedVin,
                at,
                soc,
                120_345.5,
                new Position(53.55, 9.99, 90.0),
                0.0,
                false,
                true,
                ChargingState.CHARGING,
                210.0,
                24.5,
                Map.of("cabinTemperatureC", 19.5));
    }

    @Test
    void anAcceptedUpdateBecomesHistorySnapshotLiveStateAndAnEvent() throws Exception {
        try (TestQueue events = TestQueue.bind(Exchanges.EVENTS, EventTypes.CORE_TELEMATICS_VEHICLE_UPDATED_V1)) {
            publish(update("u-1", Instant.now().truncatedTo(ChronoUnit.MILLIS), 61.5, device, vin));

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                            .then()
                            .statusCode(200)
                            .body("latest.stateOfChargePercent", equalTo(61.5f))
                            .body("latest.chargingState", equalTo("CHARGING"))
                            .body("latest.attributes.cabinTemperatureC", equalTo(19.5f))
                            .body("stale", equalTo(false)));
            as(operator)
                    .get("/api/v1/workspaces/{ws}/depots/{id}/live", workspace, depot)
                    .then()
                    .body("vehicles[0].stateOfChargePercent", equalTo(61.5f));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.deliveries().stream()
                            .map(d -> DepotopsEvents.deserialize(d.body()))
                            .anyMatch(e -> e.getSubject().equals(vehicle)));
        }
    }

    @Test
    void lateDataGoesToTheHistoryWithoutRollingTheSnapshotBackAndDuplicatesCountOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(update("u-new", now, 80, device, null));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                        .then()
                        .statusCode(200)
                        .body("latest.stateOfChargePercent", equalTo(80.0f)));

        publish(update("u-old", now.minusSeconds(600), 40, device, null));
        publish(update("u-old", now.minusSeconds(600), 40, device, null));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics/history", workspace, vehicle)
                        .then()
                        .body("", hasSize(2))
                        .body("[1].updateId", equalTo("u-old")));
        as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                .then()
                .body("latest.stateOfChargePercent", equalTo(80.0f));
    }

    @Test
    void aNewerUpdateWithFewerFieldsKeepsTheSnapshotsOtherFields() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(update("u-full", now.minusSeconds(30), 55, device, null));
        publish(new CanonicalVehicleUpdateV1(
                "u-soc-only",
                workspace,
                "geotab",
                device,
                null,
                now,
                57.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of("feed", "soc")));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                        .then()
                        .statusCode(200)
                        .body("latest.updateId", equalTo("u-soc-only"))
                        .body("latest.stateOfChargePercent", equalTo(57.0f))
                        .body("latest.odometerKm", equalTo(120345.5f))
                        .body("latest.latitude", equalTo(53.55f))
                        .body("latest.chargingState", equalTo("CHARGING"))
                        .body("latest.attributes.cabinTemperatureC", equalTo(19.5f))
                        .body("latest.attributes.feed", equalTo("soc")));
    }

    @Test
    void anUnreadableUpdateAmongGoodOnesIsParkedAndTheOthersAreIngested() throws Exception {
        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, CanonicalVehicleUpdateV1.TYPE)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            publish(update("u-before", now.minusSeconds(2), 41, device, null));
            // Arrives in the same batch as its neighbours; it cannot be read as a canonical update.
            var unreadable = TestEvents.publish(
                    publisher,
                    json,
                    CanonicalVehicleUpdateV1.TYPE,
                    "/telematics",
                    device,
                    workspace,
                    Map.of("updateId", "u-broken", "observedAt", "not a time"));
            publish(update("u-after", now, 42, device, null));

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics/history", workspace, vehicle)
                            .then()
                            .body("", hasSize(2)));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> parked.deliveries().stream()
                            .anyMatch(delivery -> unreadable.getId().equals(delivery.messageId())));
            as(operator)
                    .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                    .then()
                    .body("latest.updateId", equalTo("u-after"));
        }
    }

    @Test
    void unknownDevicesAndForeignVinsAreRejectedWithAReason() throws Exception {
        publish(update("u-unknown", Instant.now(), 50, "no-such-device", null));
        publish(update("u-vin", Instant.now(), 50, device, "YV3DEM000000000XX".replace("XX", "99")));

        await().atMost(Duration.ofSeconds(15)).until(() -> rejections() >= 2);
        assertThat(reasons()).contains("unknown device", "VIN differs");
        as(operator)
                .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                .then()
                .statusCode(404);
    }

    @Test
    void freshnessCountsFreshStaleAndSilentVehicles() throws Exception {
        publish(update("u-stale", Instant.now().minus(10, ChronoUnit.MINUTES), 50, device, null));
        as(operator)
                .body(Map.of(
                        "depotId",
                        depot,
                        "vin",
                        "WDB90663319"
                                + String.format(
                                        "%06d", ThreadLocalRandom.current().nextInt(1_000_000)),
                        "fleetNumber",
                        "SILENT-" + device.substring(7, 12),
                        "batteryKwh",
                        300))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .queryParam("depotId", depot)
                        .get("/api/v1/workspaces/{ws}/telematics/freshness", workspace)
                        .then()
                        .statusCode(200)
                        .body("vehicles", equalTo(2))
                        .body("stale", equalTo(1))
                        .body("neverReported", equalTo(1))
                        .body("fresh", equalTo(0))
                        // a Duration is ISO-8601 text, as documented (was the number 300.000000000)
                        .body("staleAfter", equalTo("PT5M")));
    }

    @Test
    void aVehicleGoneSilentIsAnnouncedStaleOnce() throws Exception {
        try (TestQueue stale = TestQueue.bind(Exchanges.EVENTS, EventTypes.CORE_TELEMATICS_VEHICLE_STALE_V1)) {
            publish(update("u-silent", Instant.now(), 35, device, null));
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/vehicles/{id}/telematics", workspace, vehicle)
                            .then()
                            .statusCode(200));
            // the stale check runs every second in tests: 4 minutes of silence are not 5
            clock.advance(Duration.ofMinutes(4));
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> staleEventsFor(stale) == 0);

            clock.advance(Duration.ofMinutes(2));

            await().atMost(Duration.ofSeconds(10)).until(() -> staleEventsFor(stale) == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> staleEventsFor(stale) == 1);
        }
    }

    private long staleEventsFor(TestQueue queue) {
        return queue.deliveries().stream()
                .map(d -> DepotopsEvents.deserialize(d.body()))
                .filter(e -> e.getSubject().equals(vehicle))
                .count();
    }

    private void publish(CanonicalVehicleUpdateV1 update) throws Exception {
        TestEvents.publish(
                publisher, json, CanonicalVehicleUpdateV1.TYPE, "/telematics", update.deviceId(), workspace, update);
    }

    private int rejections() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select count(*) from telematics_rejection where workspace_id = ?")) {
            q.setObject(1, UUID.fromString(workspace));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private String reasons() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select string_agg(reason, ' | ') from telematics_rejection where workspace_id = ?")) {
            q.setObject(1, UUID.fromString(workspace));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
