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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.events.connect.OcppFrameV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames published by connect land in the DynamoDB message log and are read back by time. */
@QuarkusTest
class MessageLogTest {

    @Inject
    ConfirmingPublisher publisher;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    private String workspace;
    private String operator;
    private String chargePointId;
    private String chargerId;

    @BeforeEach
    void registeredCharger() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        chargePointId = uniqueChargePointId();
        chargerId = as(operator)
                .body(charger(newSite(operator, workspace, newDepot(operator, workspace)), chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .path("id");
    }

    @AfterEach
    void restoreServers() {
        TestServers.restoreAll();
    }

    @Test
    void recordsEveryFrameOnceAndPagesNewestFirst() throws Exception {
        Instant base = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        CloudEvent repeated = null;
        for (int i = 0; i < 5; i++) {
            CloudEvent event = frame(base.plusSeconds(i), "[2,\"m" + i + "\",\"Heartbeat\",{}]");
            if (i == 2) {
                repeated = event;
            }
        }
        publish(repeated); // redelivered: stored once

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        messages(Map.of("limit", 10)).then().statusCode(200).body("items", hasSize(5)));

        List<String> frames = new ArrayList<>();
        String cursor = null;
        do {
            Response page = messages(cursor == null ? Map.of("limit", 2) : Map.of("limit", 2, "cursor", cursor));
            frames.addAll(page.jsonPath().getList("items.frame"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(frames)
                .containsExactly(
                        "[2,\"m4\",\"Heartbeat\",{}]",
                        "[2,\"m3\",\"Heartbeat\",{}]",
                        "[2,\"m2\",\"Heartbeat\",{}]",
                        "[2,\"m1\",\"Heartbeat\",{}]",
                        "[2,\"m0\",\"Heartbeat\",{}]");

        messages(Map.of(
                        "from",
                        base.plusSeconds(1).toString(),
                        "to",
                        base.plusSeconds(3).toString()))
                .then()
                .body("items.frame", contains("[2,\"m2\",\"Heartbeat\",{}]", "[2,\"m1\",\"Heartbeat\",{}]"));
    }

    @Test
    void aBurstOfFramesWithRedeliveriesIsStoredCompletelyAndOnce() throws Exception {
        // More than one DynamoDB request (25 items) per consumed batch, redeliveries among them.
        Instant base = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            sent.add(frame(base.plusMillis(i), "[2,\"b" + i + "\",\"Heartbeat\",{}]"));
            if (i % 10 == 9) {
                publish(sent.get(i - 5));
            }
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> messages(Map.of("limit", 200, "from", base.toString()))
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(120)));
        assertThat(messages(Map.of("limit", 200, "from", base.toString()))
                        .jsonPath()
                        .getList("items.frame", String.class))
                .doesNotHaveDuplicates()
                .first()
                .isEqualTo("[2,\"b119\",\"Heartbeat\",{}]");
    }

    @Test
    void aFrameAtAWholeSecondIsListedInTimeOrderAndWithinItsRange() throws Exception {
        Instant whole = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        frame(whole.minusMillis(1), "[2,\"w-before\",\"Heartbeat\",{}]");
        frame(whole, "[2,\"w-whole\",\"Heartbeat\",{}]");
        frame(whole.plusMillis(1), "[2,\"w-after\",\"Heartbeat\",{}]");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(messages(Map.of(
                                        "limit", 10,
                                        "from", whole.minusMillis(1).toString(),
                                        "to", whole.plusMillis(2).toString()))
                                .jsonPath()
                                .getList("items.frame", String.class))
                        .containsExactly(
                                "[2,\"w-after\",\"Heartbeat\",{}]",
                                "[2,\"w-whole\",\"Heartbeat\",{}]",
                                "[2,\"w-before\",\"Heartbeat\",{}]"));
        assertThat(messages(Map.of(
                                "limit",
                                10,
                                "from",
                                whole.toString(),
                                "to",
                                whole.plusMillis(1).toString()))
                        .jsonPath()
                        .getList("items.frame", String.class))
                .containsExactly("[2,\"w-whole\",\"Heartbeat\",{}]");
    }

    @Test
    void whileDynamoDbIsAwayFramesWaitUnacknowledgedAndAllAreStoredOnceItIsBack() throws Exception {
        Instant base = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        double retriesBefore =
                meters.counter("depotops.message-log.write.retries").count();
        List<String> sent;
        try {
            TestServers.dynamodb().cut();
            sent = IntStream.range(0, 60)
                    .mapToObj(i -> "[2,\"d" + i + "\",\"Heartbeat\",{}]")
                    .toList();
            for (int i = 0; i < sent.size(); i++) {
                frame(base.plusMillis(i), sent.get(i));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            meters.counter("depotops.message-log.write.retries").count() > retriesBefore);
            // Longer than the retries before a message is parked (200 ms + 1 s + 3 s): these are not.
            Thread.sleep(6_000);
            Map<String, Object> detail = readiness();
            assertThat(Double.parseDouble((String) detail.get("lagSeconds")))
                    .as("the oldest unwritten frame's age")
                    .isGreaterThanOrEqualTo(120);
        } finally {
            TestServers.dynamodb().restore();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> messages(Map.of("limit", 200, "from", base.toString()))
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(sent.size())));
        assertThat(messages(Map.of("limit", 200, "from", base.toString()))
                        .jsonPath()
                        .getList("items.frame", String.class))
                .containsExactlyInAnyOrderElementsOf(sent);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(readiness()).containsEntry("lagSeconds", "0.0"));
    }

    @Test
    void aFrameThatCannotBeReadDoesNotHoldBackTheOthersOfItsBatch() throws Exception {
        Instant base = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        frame(base, "[2,\"g0\",\"Heartbeat\",{}]");
        publish(DepotopsEvents.create(
                EventTypes.CONNECT_OCPP_FRAME_V1,
                "/manage-connect",
                chargePointId,
                null,
                "{\"at\":\"yesterday\"}".getBytes()));
        frame(base.plusMillis(1), "[2,\"g1\",\"Heartbeat\",{}]");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> messages(Map.of("limit", 10, "from", base.toString()))
                        .then()
                        .statusCode(200)
                        .body("items.frame", contains("[2,\"g1\",\"Heartbeat\",{}]", "[2,\"g0\",\"Heartbeat\",{}]")));
    }

    @Test
    void framesPackedInOneMessageAreEachStoredAndAnUnreadableOneIsParkedAlone() throws Exception {
        // connect sends frames up to 100 to a message, as a CloudEvents JSON batch.
        Instant base = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        List<byte[]> packed = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        CloudEvent unreadable = DepotopsEvents.create(
                EventTypes.CONNECT_OCPP_FRAME_V1,
                "/manage-connect",
                chargePointId,
                null,
                "{\"at\":\"not a time\"}".getBytes());
        for (int i = 0; i < 60; i++) {
            String text = "[2,\"p" + i + "\",\"Heartbeat\",{}]";
            expected.add(text);
            OcppFrameV1 data = new OcppFrameV1(chargePointId, "1.6", "session-1", "in", base.plusMillis(i), text);
            packed.add(DepotopsEvents.serialize(DepotopsEvents.create(
                    EventTypes.CONNECT_OCPP_FRAME_V1,
                    "/manage-connect",
                    chargePointId,
                    null,
                    json.writeValueAsBytes(data))));
            if (i == 30) {
                packed.add(DepotopsEvents.serialize(unreadable));
            }
        }

        try (TestQueue parked = TestQueue.bind(Exchanges.DEAD_LETTERS, EventTypes.CONNECT_OCPP_FRAME_V1)) {
            publisher.publish(new OutgoingMessage(
                    Exchanges.EVENTS,
                    EventTypes.CONNECT_OCPP_FRAME_V1,
                    UUID.randomUUID().toString(),
                    DepotopsEvents.BATCH_CONTENT_TYPE,
                    DepotopsEvents.serializeBatch(packed),
                    Map.of()));

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(messages(Map.of("limit", 100, "from", base.toString()))
                                    .jsonPath()
                                    .getList("items.frame", String.class))
                            .containsExactlyInAnyOrderElementsOf(expected));
            // Only the unreadable frame is parked, as a message of its own.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(parked.deliveries())
                            .extracting(TestQueue.Delivery::messageId)
                            .containsExactly(unreadable.getId()));
            assertThat(DepotopsEvents.deserializeAll(
                                    parked.deliveries().getFirst().body())
                            .getFirst()
                            .getId())
                    .isEqualTo(unreadable.getId());
        }
    }

    @Test
    void refusesABackwardsOrTooLongRange() {
        messages(Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        messages(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-06-01T00:00:00Z"))
                .then()
                .statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5pu9", // decodes to bytes that are no key
                "bm90LWEta2V5", // "not-a-key"
                "MjAwMC0wMS0wMVQwMDowMDowMFojeA", // "2000-01-01T00:00:00Z#x": a key outside the range asked for
                "%%%"
            })
    void aCursorThatThisQueryDidNotHandOutIsABadRequestNamingIt(String cursor) {
        messages(Map.of("limit", 2, "cursor", cursor))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anotherWorkspaceCannotReadTheLog() {
        String other = newWorkspace();
        as(token("admin", other))
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages", other, chargerId)
                .then()
                .statusCode(404);
    }

    /** The "Message log" readiness check's data (the whole readiness may be DOWN meanwhile). */
    private static Map<String, Object> readiness() {
        List<Map<String, Object>> checks =
                RestAssured.get("/q/health/ready").then().extract().path("checks");
        return checks.stream()
                .filter(check -> "Message log".equals(check.get("name")))
                .findFirst()
                .map(check -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) check.get("data");
                    return data;
                })
                .orElseThrow();
    }

    private Response messages(Map<String, ?> query) {
        return as(operator)
                .queryParams(query)
                .get("/api/v1/workspaces/{ws}/chargers/{id}/messages", workspace, chargerId);
    }

    private CloudEvent frame(Instant at, String text) throws Exception {
        OcppFrameV1 data = new OcppFrameV1(chargePointId, "1.6", "session-1", "in", at, text);
        CloudEvent event = DepotopsEvents.create(
                EventTypes.CONNECT_OCPP_FRAME_V1, "/manage-connect", chargePointId, null, json.writeValueAsBytes(data));
        publish(event);
        return event;
    }

    private void publish(CloudEvent event) throws Exception {
        TestEvents.publish(publisher, event);
    }
}
