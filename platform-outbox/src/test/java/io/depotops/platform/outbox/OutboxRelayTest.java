package io.depotops.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestQueue.Delivery;
import io.depotops.platform.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against the real PostgreSQL and RabbitMQ: history, order across batches, outages, lag. */
@QuarkusTest
class OutboxRelayTest {

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");

    @Inject
    TransactionalWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    private String eventType;
    private TestQueue queue;

    @BeforeEach
    void bindQueue() throws Exception {
        eventType = "test.relay-" + UUID.randomUUID().toString().substring(0, 8) + ".happened.v1";
        queue = TestQueue.bind(Exchanges.EVENTS, eventType);
    }

    @AfterEach
    void closeQueue() throws Exception {
        TestServers.restoreAll();
        queue.close();
    }

    /**
     * Issue 15: on main, published rows stayed 7 days and the pending scan walked their dead index
     * entries (~60 ms at 275,000 pending of 516,577). Now a published row is deleted with its
     * confirm, and the relay's scan reads a handful of pages whatever went before.
     */
    @Test
    void thePendingScanStaysCheapAfterALargePublishedHistory() throws Exception {
        int history = 200_000;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                  insert into outbox_message
                    (message_id, aggregate_type, aggregate_id, exchange, routing_key, content_type, body)
                  select gen_random_uuid()::text, 'history', 'h-' || (i % 1000), ?, ?,
                         'application/cloudevents+json', convert_to(repeat('x', 400), 'UTF8')
                  from generate_series(1, ?) i
                  """)) {
            insert.setString(1, Exchanges.EVENTS);
            insert.setString(2, eventType + ".unbound");
            insert.setInt(3, history);
            insert.executeUpdate();
        }
        relay.wakeUp();

        await().atMost(Duration.ofSeconds(120)).until(() -> countRows() == 0);
        assertThat(countRows())
                .as("published rows are gone, none kept as history")
                .isZero();

        // The relay's own scan, from its floor: none of the 200,000 dead entries is read.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            long floor = relay.floor();
            return floor > 0 && scanBuffers(floor) < 20;
        });
        // And once the relay has vacuumed, even a scan from the start reads a handful of pages.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> scanBuffers(0) < 20);
    }

    @Test
    void keepsTheOrderOfEachAggregateAcrossManyBatches() throws Exception {
        int aggregates = 7;
        int eventsPerAggregate = 300;
        List<String> written = new ArrayList<>();
        // One transaction per round, aggregates interleaved: 2,100 messages, more than one pass takes.
        for (int sequence = 1; sequence <= eventsPerAggregate; sequence += 50) {
            List<OutboxMessage> round = new ArrayList<>();
            for (int s = sequence; s < sequence + 50; s++) {
                for (int a = 1; a <= aggregates; a++) {
                    CloudEvent event = event("bus-" + a, s);
                    round.add(OutboxMessage.event(event, "bus", "bus-" + a));
                    written.add(event.getId());
                }
            }
            writer.append(round);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> queue.deliveries().size() >= written.size());
        assertThat(queue.deliveries()).extracting(Delivery::messageId).containsExactlyInAnyOrderElementsOf(written);
        assertOrderPerAggregate(queue.deliveries(), aggregates, eventsPerAggregate, "bus-");
    }

    /**
     * A transaction that took its position before the relay passed it and commits afterwards: the
     * relay's floor must wait for it, so its message is published, and before the aggregate's next.
     */
    @Test
    void aTransactionThatCommitsLateIsPublishedInItsAggregatesOrder() throws Exception {
        CloudEvent first = event("late-1", 1);
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement(OutboxRows.INSERT)) {
                OutboxRows.bind(insert, OutboxMessage.event(first, "site", "late-1"), null);
                insert.executeUpdate();
            }
            long heldPosition;
            try (PreparedStatement select =
                    held.prepareStatement("select position from outbox_message where message_id = ?")) {
                select.setString(1, first.getId());
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    heldPosition = result.getLong(1);
                }
            }

            // Later positions commit and are published around the open transaction, several passes.
            List<String> others = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                List<OutboxMessage> messages = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    CloudEvent other = event("other-" + i, round + 1);
                    messages.add(OutboxMessage.event(other, "site", "other-" + i));
                    others.add(other.getId());
                }
                writer.append(messages);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> queue.deliveries().size() >= others.size());
            }
            assertThat(relay.floor())
                    .as("the floor waits below the open transaction")
                    .isLessThanOrEqualTo(heldPosition);

            held.commit();
        }
        CloudEvent second = event("late-1", 2);
        writer.append(List.of(OutboxMessage.event(second, "site", "late-1")));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        queue.deliveries().stream().anyMatch(d -> d.messageId().equals(second.getId())));
        assertThat(queue.deliveries().stream()
                        .map(Delivery::messageId)
                        .filter(id -> id.equals(first.getId()) || id.equals(second.getId()))
                        .toList())
                .containsExactly(first.getId(), second.getId());
    }

    /**
     * The broker's link is cut while the relay is draining a backlog: nothing is lost, order per
     * aggregate holds, and what is delivered twice is at most the batch that was in flight.
     */
    @Test
    void aBrokerCutMidDrainLosesNothingAndRepeatsAtMostTheBatchInFlight() throws Exception {
        int aggregates = 10;
        int eventsPerAggregate = 300;
        List<String> written = new ArrayList<>();
        try {
            // Slow enough that the drain is still going when the link is cut.
            TestServers.rabbitmq().slowDown(Duration.ofMillis(30));
            for (int sequence = 1; sequence <= eventsPerAggregate; sequence += 100) {
                List<OutboxMessage> round = new ArrayList<>();
                for (int s = sequence; s < sequence + 100; s++) {
                    for (int a = 1; a <= aggregates; a++) {
                        CloudEvent event = event("truck-" + a, s);
                        round.add(OutboxMessage.event(event, "truck", "truck-" + a));
                        written.add(event.getId());
                    }
                }
                writer.append(round);
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !queue.deliveries().isEmpty());
            assertThat(queue.deliveries().size()).as("cut mid-drain").isLessThan(written.size());

            TestServers.rabbitmq().cut();
            double failuresBefore =
                    meters.counter("depotops.outbox.publish.failures").count();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            meters.counter("depotops.outbox.publish.failures").count() > failuresBefore);
        } finally {
            TestServers.rabbitmq().restore();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> new LinkedHashSet<>(ids(queue.deliveries())).size() >= written.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> countRows() == 0);

        List<Delivery> deliveries = queue.deliveries();
        assertThat(new LinkedHashSet<>(ids(deliveries))).containsExactlyInAnyOrderElementsOf(written);
        int repeated = deliveries.size() - written.size();
        assertThat(repeated).as("messages delivered twice").isLessThanOrEqualTo(2000);
        assertOrderPerAggregate(deliveries, aggregates, eventsPerAggregate, "truck-");
    }

    @Test
    void lagAndPendingReportTheOldestWaitingMessage() throws Exception {
        CloudEvent waiting = event("depot-7", 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                  insert into outbox_message
                    (message_id, aggregate_type, aggregate_id, exchange, routing_key, content_type, body,
                     created_at, next_attempt_at)
                  values (?, 'depot', 'depot-7', ?, ?, ?, ?, now() - interval '42 seconds',
                          now() + interval '1 hour')
                  """)) {
            // As if written 42 s ago and in backoff since: it stays pending.
            insert.setString(1, waiting.getId());
            insert.setString(2, Exchanges.EVENTS);
            insert.setString(3, eventType);
            insert.setString(4, DepotopsEvents.CONTENT_TYPE);
            insert.setBytes(5, DepotopsEvents.serialize(waiting));
            insert.executeUpdate();
        }
        relay.wakeUp();

        await().atMost(Duration.ofSeconds(10)).until(() -> relay.lagSeconds() >= 42);
        assertThat(relay.lagSeconds()).isLessThan(60);
        assertThat(relay.pendingMessages()).isEqualTo(1);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(gauge(metrics, "depotops_outbox_lag_seconds")).isBetween(42.0, 60.0);
        assertThat(gauge(metrics, "depotops_outbox_pending")).isEqualTo(1.0);
        // Lagging is no reason to be unready; the detail says how far behind.
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Outbox relay' }.status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == 'Outbox relay' }.data.pending", org.hamcrest.Matchers.is(1))
                .body(
                        "checks.find { it.name == 'Outbox relay' }.data.lagSeconds",
                        org.hamcrest.Matchers.startsWith("4"));

        try (Connection connection = dataSource.getConnection();
                Statement due = connection.createStatement()) {
            due.executeUpdate("update outbox_message set next_attempt_at = now() where aggregate_id = 'depot-7'");
        }
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deliveries().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.lagSeconds() == 0 && relay.pendingMessages() == 0);
    }

    private static void assertOrderPerAggregate(
            List<Delivery> deliveries, int aggregates, int eventsPerAggregate, String prefix) {
        Map<String, List<Integer>> firstDeliveries = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Delivery delivery : deliveries) {
            if (seen.add(delivery.messageId())) {
                CloudEvent event = DepotopsEvents.deserialize(delivery.body());
                firstDeliveries
                        .computeIfAbsent(event.getSubject(), s -> new ArrayList<>())
                        .add(sequenceOf(event));
            }
        }
        for (int a = 1; a <= aggregates; a++) {
            assertThat(firstDeliveries.get(prefix + a))
                    .as("order of %s%d", prefix, a)
                    .hasSize(eventsPerAggregate)
                    .isSorted();
        }
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::messageId).toList();
    }

    private static double gauge(String metrics, String name) {
        Matcher matcher =
                Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /** Shared buffers (hit and read) the relay's pending query touches when scanning from {@code from}. */
    private long scanBuffers(long from) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain =
                        connection.prepareStatement("explain (analyze, buffers, costs off) select * from outbox_message"
                                + " where position >= ? order by position limit 200")) {
            explain.setLong(1, from);
            Map<String, Long> found = new LinkedHashMap<>();
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next() && found.isEmpty()) {
                    Matcher buffers = BUFFERS.matcher(plan.getString(1));
                    if (buffers.find()) {
                        found.put("hit", buffers.group(1) == null ? 0 : Long.parseLong(buffers.group(1)));
                        found.put("read", buffers.group(2) == null ? 0 : Long.parseLong(buffers.group(2)));
                    }
                }
            }
            return found.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private long countRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement count = connection.createStatement();
                ResultSet result = count.executeQuery("select count(*) from outbox_message")) {
            result.next();
            return result.getLong(1);
        }
    }

    private CloudEvent event(String subject, int sequence) {
        byte[] data = ("{\"sequence\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
        return DepotopsEvents.create(eventType, "/platform-outbox-test", subject, "workspace-1", data);
    }

    private static int sequenceOf(CloudEvent event) {
        String json = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        return Integer.parseInt(json.replaceAll("\\D", ""));
    }
}
