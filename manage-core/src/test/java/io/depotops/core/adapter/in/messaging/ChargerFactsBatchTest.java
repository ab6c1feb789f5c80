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
import io.depotops.contracts.events.connect.ChargerBootV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.MessageHeaders;
import io.depotops.core.application.ChargerFactsService;
import io.depotops.core.application.ChargerFactsService.BootFact;
import io.depotops.core.application.ChargerFactsService.StatusFact;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.testing.TestQueue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Boot and status facts taken a batch at a time: one statement per kind, each fact once, in order. */
@QuarkusTest
class ChargerFactsBatchTest {

    @Inject
    ChargerFactsService facts;

    @Inject
    ChargerFactsConsumer consumer;

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    private String workspace;
    private String operator;
    private String depot;
    private String site;
    private String chargePointId;
    private String chargerId;

    @BeforeEach
    void charger16() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        site = newSite(operator, workspace, depot);
        chargePointId = uniqueChargePointId();
        chargerId = register(chargePointId);
    }

    @Test
    void theConsumerBindsTheFactsItHasAHandlerFor() {
        assertThat(consumer.eventTypes())
                .containsExactlyInAnyOrder(
                        EventTypes.CONNECT_CHARGER_BOOT_V1,
                        EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                        EventTypes.CONNECT_CHARGER_CONNECTED_V1,
                        EventTypes.CONNECT_CHARGER_DISCONNECTED_V1,
                        EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1,
                        EventTypes.CONNECT_CHARGER_METER_VALUES_V1);
    }

    @Test
    void aMessageTwiceInABatchOrSeenBeforeIsAppliedOnce() {
        Instant now = Instant.now();
        // The same id with a newer status: applied, the newer one would win; it must not be.
        facts.statusesReported(List.of(
                new StatusFact("dup-" + chargePointId, chargePointId, null, 1, "FAULTED", now),
                new StatusFact("dup-" + chargePointId, chargePointId, null, 1, "RESERVED", now.plusSeconds(1))));
        assertThat(connectorStatus()).isEqualTo("Faulted");

        facts.statusesReported(List.of(
                new StatusFact("dup-" + chargePointId, chargePointId, null, 1, "AVAILABLE", now.plusSeconds(2))));
        assertThat(connectorStatus()).isEqualTo("Faulted");
    }

    @Test
    void theNewestStatusOfAConnectorInABatchWinsAndOfEqualTimesTheLater() {
        Instant now = Instant.now();
        facts.statusesReported(List.of(
                status(chargePointId, 1, "OCCUPIED", now.plusSeconds(1)),
                status(chargePointId, 1, "AVAILABLE", now),
                status(chargePointId, 1, "FAULTED", now.plusSeconds(2)),
                status(chargePointId, 1, "RESERVED", now.plusSeconds(2)),
                status(chargePointId, 0, "UNAVAILABLE", now),
                status(chargePointId, 0, "AVAILABLE", now.plusSeconds(1))));
        assertThat(connectorStatus()).isEqualTo("Reserved");
        assertThat(chargerField("status")).isEqualTo("Available");

        // A later batch with an older status changes nothing.
        facts.statusesReported(List.of(status(chargePointId, 1, "AVAILABLE", now.plusSeconds(1))));
        assertThat(connectorStatus()).isEqualTo("Reserved");
    }

    @Test
    void bootsOfManyChargersAreOneBatchAndTheNewestBootWins() {
        String other = uniqueChargePointId();
        String otherId = register(other);
        Instant now = Instant.now();
        facts.booted(List.of(
                new BootFact(UUID.randomUUID().toString(), chargePointId, "Accepted", "1.0", "SN-1", now),
                new BootFact(UUID.randomUUID().toString(), other, "Accepted", "2.0", "SN-2", now),
                new BootFact(
                        UUID.randomUUID().toString(), chargePointId, "Rejected", "1.1", "SN-1", now.minusSeconds(5)),
                new BootFact(UUID.randomUUID().toString(), "unknown-" + other, "Accepted", "9", "SN-9", now)));
        assertThat(chargerField("firmwareVersion")).isEqualTo("1.0");
        assertThat(chargerField("bootStatus")).isEqualTo("Accepted");
        assertThat(as(operator)
                        .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, otherId)
                        .<String>path("firmwareVersion"))
                .isEqualTo("2.0");
    }

    @Test
    void aPoisonMessageIsParkedAloneAndTheRestOfItsBatchIsApplied() throws Exception {
        String other = uniqueChargePointId();
        String otherId = register(other);
        Instant now = Instant.now();
        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1)) {
            publish(
                    EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                    chargePointId,
                    statusData(chargePointId, 1, "OCCUPIED", now));
            // A charger status the schema refuses: its statement fails whatever the batch.
            String poison = publish(
                            EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, other, statusData(other, 0, "EXPLODED", now))
                    .getId();
            publish(
                    EventTypes.CONNECT_CHARGER_BOOT_V1,
                    other,
                    new ChargerBootV1(other, "1.6", "V", "M", "SN-7", "7.0", "PowerUp", "Accepted", 300, now));
            publish(EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1, other, statusData(other, 1, "FAULTED", now));

            // generous: a poison is retried (0.2 + 1 + 3 s) before it is parked, and poisons other
            // tests left in the queue ahead of these are each retried the same way first
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(connectorStatus()).isEqualTo("Occupied");
                assertThat(as(operator)
                                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, otherId)
                                .<String>path("connectors[0].status"))
                        .isEqualTo("Faulted");
                assertThat(as(operator)
                                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, otherId)
                                .<String>path("firmwareVersion"))
                        .isEqualTo("7.0");
            });
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> parked.deliveries().stream().anyMatch(d -> poison.equals(d.messageId())));
            assertThat(parked.deliveries().stream().filter(d -> poison.equals(d.messageId())))
                    .singleElement()
                    .satisfies(d -> assertThat(d.headers()
                                    .get(MessageHeaders.DEAD_LETTER_REASON)
                                    .toString())
                            .isNotBlank());
            assertThat(parked.deliveries()).allMatch(d -> poison.equals(d.messageId()));
        }
    }

    @Test
    void aBurstOfFactsForOneDepotCostsFewerInvalidationsThanFacts() throws Exception {
        List<String> chargePoints = new ArrayList<>(List.of(chargePointId));
        for (int i = 0; i < 2; i++) {
            String another = uniqueChargePointId();
            register(another);
            chargePoints.add(another);
        }
        as(operator).get("/api/v1/workspaces/{ws}/depots/{id}/live", workspace, depot);
        String generationKey = "depotops:live:depot:" + depot + ":gen";
        String before = redis.value(String.class).get(generationKey);
        Instant now = Instant.now();
        List<OutgoingMessage> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (String chargePoint : chargePoints) {
                CloudEvent event = DepotopsEvents.create(
                        EventTypes.CONNECT_CHARGER_STATUS_CHANGED_V1,
                        "/manage-connect",
                        chargePoint,
                        null,
                        json.writeValueAsBytes(
                                statusData(chargePoint, 1, i % 2 == 0 ? "OCCUPIED" : "AVAILABLE", now.plusMillis(i))));
                burst.add(new OutgoingMessage(
                        Exchanges.EVENTS,
                        event.getType(),
                        event.getId(),
                        DepotopsEvents.CONTENT_TYPE,
                        DepotopsEvents.serialize(event),
                        Map.of()));
            }
        }
        publisher.publishAll(burst); // as connect's relay publishes: a batch at a time
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(connectorStatus()).isEqualTo("Available"));
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !redis.key().exists("depotops:live:depot:" + depot + ":json"));
        long invalidations = Long.parseLong(redis.value(String.class).get(generationKey))
                - (before == null ? 0 : Long.parseLong(before));
        // 30 facts arriving together: a batch or two, one invalidation per window, not one per fact.
        assertThat(invalidations).isBetween(1L, 5L);
    }

    private String register(String chargePoint) {
        return as(operator)
                .body(charger(site, chargePoint))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static StatusFact status(String chargePoint, int connector, String status, Instant at) {
        return new StatusFact(UUID.randomUUID().toString(), chargePoint, null, connector, status, at);
    }

    private static ChargerStatusChangedV1 statusData(String chargePoint, int connector, String status, Instant at) {
        return new ChargerStatusChangedV1(chargePoint, "1.6", null, connector, status, null, "NoError", null, null, at);
    }

    private CloudEvent publish(String type, String subject, Object data) throws Exception {
        return TestEvents.publish(publisher, json, type, "/manage-connect", subject, null, data);
    }

    private String connectorStatus() {
        return chargerField("connectors[0].status");
    }

    private String chargerField(String path) {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, chargerId)
                .path(path);
    }
}
