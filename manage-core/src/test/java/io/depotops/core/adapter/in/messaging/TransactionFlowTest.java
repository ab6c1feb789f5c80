package io.depotops.core.adapter.in.messaging;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.charger;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.coreLink;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.uniqueChargePointId;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A charging transaction through the core link (start) and connect's facts (meter values, stop). */
@QuarkusTest
class TransactionFlowTest {

    private static final String LINK = "/internal/v1/core-link/transactions";

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

    private ValidatableResponse start(String idTag, Instant at, String chargerTransactionId) {
        Map<String, Object> request = new HashMap<>();
        request.put("chargePointId", chargePointId);
        request.put("evseId", 1);
        request.put("connectorId", 1);
        request.put("idToken", idTag);
        request.put("meterStartWh", 1000);
        request.put("startedAt", at.toString());
        request.put("chargerTransactionId", chargerTransactionId);
        return coreLink().body(request).post(LINK).then();
    }

    @Test
    void startsATransactionOnceForTheVehicleOfItsTag() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = start("TAG-" + chargePointId, at, null)
                .statusCode(200)
                .body("transactionId", lessThan(1 << 30))
                .body("authorization.status", equalTo("Accepted"))
                .body("authorization.vehicleId", equalTo(vehicle))
                .extract()
                .jsonPath()
                .getLong("transactionId");
        // connect retried the same start: same transaction
        start("TAG-" + chargePointId, at, null).statusCode(200).body("transactionId", equalTo((int) id));

        as(operator)
                .get("/api/v1/workspaces/{ws}/transactions/{id}", workspace, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("Active"))
                .body("vehicleId", equalTo(vehicle));
    }

    @Test
    void anUnknownTagStillGetsAnIdButIsInvalid() {
        start("STOLEN-CARD", Instant.now(), null).statusCode(200).body("authorization.status", equalTo("Invalid"));
    }

    @Test
    void meterValuesAndTheStopCompleteTheTransaction() throws Exception {
        Instant at = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        long id = start("TAG-" + chargePointId, at, null).extract().jsonPath().getLong("transactionId");

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
                            false,
                            null,
                            1,
                            null,
                            52000L,
                            at.plusSeconds(3600),
                            "EVDisconnected",
                            null));

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> as(operator)
                            .get("/api/v1/workspaces/{ws}/transactions/{id}", workspace, id)
                            .then()
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
    void aTransactionStartedWhileCoreWasUnreachableIsAdoptedWithItsProvisionalId() throws Exception {
        long provisional = (1L << 30) + ThreadLocalRandom.current().nextInt(1_000_000);
        Instant at = Instant.now().minusSeconds(120);
        publish(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                new TransactionEventV1(
                        chargePointId,
                        "1.6",
                        "Started",
                        provisional,
                        null,
                        true,
                        null,
                        2,
                        "TAG-" + chargePointId,
                        500L,
                        at,
                        null,
                        null));
        publish(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                new TransactionEventV1(
                        chargePointId,
                        "1.6",
                        "Ended",
                        provisional,
                        null,
                        true,
                        null,
                        2,
                        null,
                        2500L,
                        at.plusSeconds(60),
                        "Local",
                        null));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/transactions/{id}", workspace, provisional)
                        .then()
                        .statusCode(200)
                        .body("provisional", equalTo(true))
                        .body("evseId", equalTo(2))
                        .body("vehicleId", equalTo(vehicle))
                        .body("status", equalTo("Ended"))
                        .body("energyKwh", equalTo(2.0f)));
    }

    @Test
    void anOcpp201TransactionIsFollowedByTheChargersOwnId() throws Exception {
        Instant at = Instant.now().minusSeconds(600);
        long id = start("TAG-" + chargePointId, at, "tx-" + chargePointId)
                .extract()
                .jsonPath()
                .getLong("transactionId");
        publish(
                EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                new TransactionEventV1(
                        chargePointId,
                        "2.0.1",
                        "Ended",
                        null,
                        "tx-" + chargePointId,
                        false,
                        1,
                        1,
                        null,
                        9000L,
                        at.plusSeconds(300),
                        "EVDisconnected",
                        7));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(operator)
                        .get("/api/v1/workspaces/{ws}/transactions/{id}", workspace, id)
                        .then()
                        .body("status", equalTo("Ended"))
                        .body("energyKwh", equalTo(8.0f)));
        as(operator)
                .queryParam("status", "Ended")
                .get("/api/v1/workspaces/{ws}/transactions", workspace)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) id));
    }

    @Test
    void anotherWorkspaceCannotSeeTheTransaction() {
        long id = start("TAG-" + chargePointId, Instant.now(), null)
                .extract()
                .jsonPath()
                .getLong("transactionId");
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
