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

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.ChargerConnectedV1;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.MessageHeaders;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Charger facts published by connect reach core's records and live state. */
@QuarkusTest
class ChargerFactsConsumerTest {

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    private String workspace;
    private String operator;
    private String depot;
    private String chargePointId;
    private String chargerId;

    @BeforeEach
    void charger16() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        chargePointId = uniqueChargePointId();
        chargerId = as(operator)
                .body(charger(newSite(operator, workspace, depot), chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .path("id");
    }

    @Test
    void aStatusNotificationReachesTheChargerAndTheLiveState() throws Exception {
        live(); // cached before the fact arrives: the fact must invalidate it
        publish(
                EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                new ChargerConnectedV1(chargePointId, "1.6", "s-1", Instant.now(), "10.0.0.7"));
        publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, status(1, "OCCUPIED", Instant.now()));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Occupied"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Object> charger = live().jsonPath().getMap("chargers[0]");
            assertThat(charger.get("online")).isEqualTo(true);
            assertThat(live().jsonPath().getString("chargers[0].connectors[0].status"))
                    .isEqualTo("Occupied");
        });
    }

    @Test
    void theEndOfAReplacedSessionLeavesTheChargerOnline() throws Exception {
        Instant connected = Instant.now();
        publish(
                EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                new ChargerConnectedV1(chargePointId, "1.6", "s-2", connected, "10.0.0.7"));
        // connect ends the old session just after the new one opened
        publish(
                EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                new ChargerDisconnectedV1(chargePointId, "1.6", "s-1", connected.plusMillis(1), "replaced"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(live().jsonPath().getBoolean("chargers[0].online"))
                        .isTrue());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(live().jsonPath().getBoolean("chargers[0].online"))
                        .isTrue());

        publish(
                EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                new ChargerDisconnectedV1(chargePointId, "1.6", "s-2", connected.plusSeconds(1), "closed"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(live().jsonPath().getBoolean("chargers[0].online"))
                        .isFalse());
    }

    @Test
    void aLateStatusNeverRollsANewerOneBack() throws Exception {
        Instant now = Instant.now();
        publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, status(1, "FAULTED", now));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Faulted"));

        publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, status(1, "AVAILABLE", now.minusSeconds(60)));
        publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, status(1, "RESERVED", now.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Reserved"));
    }

    @Test
    void aRedeliveredFactIsAppliedOnce() throws Exception {
        Instant now = Instant.now();
        CloudEvent first = publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, status(1, "FAULTED", now));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Faulted"));
        publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, status(1, "AVAILABLE", now.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Available"));

        // The same message again, as after a lost acknowledgement: its id was seen, nothing changes.
        TestEvents.publish(publisher, first);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Available"));
    }

    @Test
    void aMalformedMessageIsParkedWithItsReason() throws Exception {
        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1)) {
            String id = UUID.randomUUID().toString();
            publisher.publish(new OutgoingMessage(
                    Exchanges.EVENTS,
                    EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                    id,
                    DepotopsEvents.CONTENT_TYPE,
                    "{not a cloud event".getBytes(StandardCharsets.UTF_8),
                    Map.of()));

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> parked.deliveries().stream().anyMatch(d -> id.equals(d.messageId())));
            TestQueue.Delivery delivery = parked.deliveries().stream()
                    .filter(d -> id.equals(d.messageId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(delivery.headers().get(MessageHeaders.DEAD_LETTER_REASON).toString())
                    .startsWith("malformed");
            assertThat(delivery.headers().get(MessageHeaders.DEAD_LETTER_QUEUE).toString())
                    .isEqualTo("depotops.core.charger-events");
        }
    }

    private ChargerStatusChangedV1 status(int connector, String status, Instant at) {
        return new ChargerStatusChangedV1(
                chargePointId, "1.6", null, connector, status, null, "NoError", null, null, at);
    }

    private CloudEvent publish(String type, Object data) throws Exception {
        return TestEvents.publish(publisher, json, type, "/manage-connect", chargePointId, null, data);
    }

    private String connectorStatus() {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, chargerId)
                .path("connectors[0].status");
    }

    private io.restassured.response.Response live() {
        return as(operator).get("/api/v1/workspaces/{ws}/depots/{id}/live", workspace, depot);
    }
}
