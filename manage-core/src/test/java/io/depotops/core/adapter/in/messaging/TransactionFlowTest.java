package io.depotops.core.adapter.in.messaging;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.charger;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.uniqueChargePointId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.connect.TransactionEventV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A charging transaction as core records it from connect's facts (ADR 0010): connect gives it its
 * id when it starts; core records it with the vehicle of its token, then meter values and the end.
 */
@QuarkusTest
class TransactionFlowTest {

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    private String workspace;
    private String operator;
    private String chargePointId;
    private String vehicle;

    @BeforeEach
    void chargerAndVehicle() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        String depot = newDepot(operator, workspace);
        chargePointId = uniqueChargePointId();
        as(operator)
                .body(charger(newSite(operator, workspace, depot), chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201);
        vehicle = as(operator)
                .body(Map.of(
                        "vin",
                                "WDB90663310"
                                        + String.format(
                                                "%06d",
                                                ThreadLocalRandom.current().nextInt(1_000_000)),
                        "fleetNumber", "T-" + chargePointId,
                        "batteryKwh", 300,
                        "idTag", "TAG-" + chargePointId))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An id as connect allocates them (2^30 and up), unique per test. */
    private static long edgeId() {
        return (1L << 30) + ThreadLocalRandom.current().nextInt(1 << 29);
    }

    private void started(long id, String idTag, Instant at, String chargerTransactionId, String version)
            throws Exception {
        publish(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                new TransactionEventV1(
                        chargePointId,
                        version,
                        "Started",
                        id,
                        chargerTransactionId,
                        1,
                        1,
                        idTag,
                        1000L,
                        at,
                        null,
                        null));
    }

    private ValidatableResponse recorded(long id) {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/transactions/{id}", workspace, id)
                .then();
    }

    @Test
    void aStartedFactIsRecordedOnceUnderConnectsIdForTheVehicleOfItsTag() throws Exception {
        long id = edgeId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TestQueue startedEvents = TestQueue.bind(Exchanges.EVENTS, EventTypes.CORE_TRANSACTION_STARTED_V1)) {
            started(id, "TAG-" + chargePointId, at, null, "1.6");
            // connect's outbox published it again (at least once): one transaction, one event
            started(id, "TAG-" + chargePointId, at, null, "1.6");
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> recorded(id)
                            .statusCode(200)
                            .body("status", equalTo("Active"))
                            .body("authorizationStatus", equalTo("Accepted"))
                            .body("vehicleId", equalTo(vehicle)));
            Thread.sleep(500);
            assertThat(startedEvents.deliveries().stream()
                            .map(d -> DepotopsEvents.deserialize(d.body()))
                            .filter(e -> e.getSubject().equals(Long.toString(id))))
                    .hasSize(1);
        }
    }

    @Test
    void aNegativeMeterStartFromABrokenMeterStillRecordsTheTransactionFromZero() throws Exception {
        long id = edgeId();
        publish(
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
                        -5L,
                        Instant.now(),
                        null,
                        null));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> recorded(id)
                        .statusCode(200)
                        .body("status", equalTo("Active"))
                        .body("meterStartWh", equalTo(0)));
    }

    @Test
    void anUnknownTagIsRecordedInvalidWithoutAVehicle() throws Exception {
        long id = edgeId();
        started(id, "STOLEN-CARD", Instant.now(), null, "1.6");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> recorded(id)
                        .statusCode(200)
                        .body("authorizationStatus", equalTo("Invalid"))
                        .body("vehicleId", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void meterValuesAndTheStopCompleteTheTransaction() throws Exception {
        Instant at = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        long id = edgeId();
        started(id, "TAG-" + chargePointId, at, null, "1.6");

        try (TestQueue ended = TestQueue.bind(Exchanges.EVENTS, EventTypes.CORE_TRANSACTION_ENDED_V1)) {
            publish(
                    EventTypes.CONNECT_CHARGER_METER_VALUES_V1,
                    new MeterValuesV1(
                            chargePointId,
                            "1.6",
                            null,
                            1,
                            id,
                            null,
                            at.plusSeconds(600),
                            6000L,
                            50000.0,
                            null,
                            null,
                            41.0));
            publish(
                    EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                    new TransactionEventV1(
                            chargePointId,
                            "1.6",
                            "Ended",
                            id,
                            null,
                            null,
                            1,
                            null,
                            52000L,
                            at.plusSeconds(3600),
                            "EVDisconnected",
                            null));

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> recorded(id)
                            .body("status", equalTo("Ended"))
                            .body("energyKwh", equalTo(51.0f))
                            .body("durationSeconds", equalTo(3600))
                            .body("stopReason", equalTo("EVDisconnected")));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ended.deliveries().stream()
                            .map(d -> DepotopsEvents.deserialize(d.body()))
                            .anyMatch(e -> e.getSubject().equals(Long.toString(id))
                                    && new String(e.getData().toBytes(), StandardCharsets.UTF_8)
                                            .contains("\"energyWh\":51000")));
        }
    }

    @Test
    void anEndWhoseStartWasNeverSeenIsRecordedFromItself() throws Exception {
        long id = edgeId();
        Instant at = Instant.now().minusSeconds(120);
        publish(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                new TransactionEventV1(
                        chargePointId,
                        "1.6",
                        "Ended",
                        id,
                        null,
                        null,
                        2,
                        "TAG-" + chargePointId,
                        2500L,
                        at.plusSeconds(60),
                        "Local",
                        null));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> recorded(id)
                        .statusCode(200)
                        .body("evseId", equalTo(2))
                        .body("vehicleId", equalTo(vehicle))
                        .body("status", equalTo("Ended")));
    }

    @Test
    void anOcpp201TransactionIsFollowedByTheChargersOwnId() throws Exception {
        Instant at = Instant.now().minusSeconds(600);
        long id = edgeId();
        started(id, "TAG-" + chargePointId, at, "tx-" + chargePointId, "2.0.1");
        publish(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                new TransactionEventV1(
                        chargePointId,
                        "2.0.1",
                        "Ended",
                        null,
                        "tx-" + chargePointId,
                        1,
                        1,
                        null,
                        9000L,
                        at.plusSeconds(300),
                        "EVDisconnected",
                        7));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> recorded(id).body("status", equalTo("Ended")).body("energyKwh", equalTo(8.0f)));
        as(operator)
                .queryParam("status", "Ended")
                .get("/api/v1/workspaces/{ws}/transactions", workspace)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) id));
    }

    @Test
    void anotherWorkspaceCannotSeeTheTransaction() throws Exception {
        long id = edgeId();
        started(id, "TAG-" + chargePointId, Instant.now(), null, "1.6");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> recorded(id).statusCode(200));
        String other = newWorkspace();
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/transactions/{id}", other, id)
                .then()
                .statusCode(404);
    }

    private void publish(String type, Object data) throws Exception {
        TestEvents.publish(publisher, json, type, "/manage-connect", chargePointId, null, data);
    }
}
