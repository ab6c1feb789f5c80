package io.depotops.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestQueue.Delivery;
import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    TransactionalWriter writer;

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource dataSource;

    private String eventType;
    private TestQueue queue;

    @BeforeEach
    void bindQueue() throws Exception {
        eventType = "test.outbox-" + UUID.randomUUID().toString().substring(0, 8) + ".happened.v1";
        queue = TestQueue.bind(Exchanges.EVENTS, eventType);
    }

    @AfterEach
    void closeQueue() throws Exception {
        queue.close();
    }

    @Test
    void publishesACommittedEventAsACloudEventWithConfirms() {
        CloudEvent event = event("charger-1", 1);

        writer.append(List.of(OutboxMessage.event(event, "charger", "charger-1")));

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deliveries().size() == 1);
        Delivery delivery = queue.deliveries().getFirst();
        assertThat(delivery.messageId()).isEqualTo(event.getId());
        assertThat(delivery.routingKey()).isEqualTo(eventType);
        CloudEvent received = DepotopsEvents.deserialize(delivery.body());
        assertThat(received.getType()).isEqualTo(eventType);
        assertThat(received.getSubject()).isEqualTo("charger-1");
        assertThat(DepotopsEvents.workspaceOf(received)).isEqualTo("workspace-1");
        assertThat(new String(received.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"sequence\":1}");
    }

    @Test
    void publishesNothingThatWasRolledBack() throws SQLException {
        CloudEvent rolledBack = event("charger-2", 1);
        CloudEvent committed = event("charger-2", 2);

        assertThatThrownBy(() -> writer.appendThenFail(OutboxMessage.event(rolledBack, "charger", "charger-2")))
                .isInstanceOf(IllegalStateException.class);
        writer.append(List.of(OutboxMessage.event(committed, "charger", "charger-2")));

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deliveries().size() == 1);
        await().during(Duration.ofSeconds(1)).until(() -> queue.deliveries().size() == 1);
        assertThat(queue.deliveries().getFirst().messageId()).isEqualTo(committed.getId());
        assertThat(countRows("message_id = '" + rolledBack.getId() + "'")).isZero();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        Outbox outbox = io.quarkus.arc.Arc.container().instance(Outbox.class).get();
        assertThatThrownBy(() -> outbox.append(OutboxMessage.event(event("charger-3", 1), "charger", "charger-3")))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    void losesNothingWhileTheBrokerIsDownAndKeepsTheOrderOfEachAggregate() throws Exception {
        int aggregates = 5;
        int eventsPerAggregate = 20;
        List<String> written = new ArrayList<>();
        try {
            TestServers.rabbitmq().cut();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));

            // Interleaved writes, one transaction each, as concurrent use cases would make them.
            for (int sequence = 1; sequence <= eventsPerAggregate; sequence++) {
                for (int aggregate = 1; aggregate <= aggregates; aggregate++) {
                    CloudEvent event = event("vehicle-" + aggregate, sequence);
                    writer.append(List.of(OutboxMessage.event(event, "vehicle", "vehicle-" + aggregate)));
                    written.add(event.getId());
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> countRows("attempts > 0") > 0);
            // Every row in the table is pending: published rows are deleted.
            assertThat(countRows("true")).isGreaterThanOrEqualTo(written.size());
        } finally {
            TestServers.rabbitmq().restore();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> queue.deliveries().size() >= written.size());
        // Give any duplicate time to arrive before counting.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> queue.deliveries().size() == written.size());

        List<Delivery> deliveries = queue.deliveries();
        Map<String, Long> timesDelivered = deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::messageId, LinkedHashMap::new, Collectors.counting()));
        assertThat(timesDelivered.keySet()).containsExactlyInAnyOrderElementsOf(written);
        assertThat(timesDelivered.values()).allMatch(times -> times == 1);
        for (int aggregate = 1; aggregate <= aggregates; aggregate++) {
            String subject = "vehicle-" + aggregate;
            List<Integer> sequences = deliveries.stream()
                    .map(delivery -> DepotopsEvents.deserialize(delivery.body()))
                    .filter(event -> subject.equals(event.getSubject()))
                    .map(OutboxTest::sequenceOf)
                    .toList();
            assertThat(sequences).as("order of %s", subject).isSorted().hasSize(eventsPerAggregate);
        }
        given().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> countRows("true") == 0);
    }

    @Test
    void onlyOneRelayDrainsAnOutboxAtATime() throws Exception {
        CloudEvent event = event("site-1", 1);
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (Statement lock = otherInstance.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext(current_schema() || '.outbox_message'))");
            }

            writer.append(List.of(OutboxMessage.event(event, "site", "site-1")));
            await().during(Duration.ofMillis(1500))
                    .until(() -> queue.deliveries().isEmpty());

            otherInstance.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deliveries().size() == 1);
    }

    @Test
    @Transactional
    void inboxRecognisesARedeliveredMessage() {
        String messageId = UUID.randomUUID().toString();

        assertThat(inbox.firstDelivery("test-consumer", messageId)).isTrue();
        assertThat(inbox.firstDelivery("test-consumer", messageId)).isFalse();
        assertThat(inbox.firstDelivery("another-consumer", messageId)).isTrue();
    }

    private CloudEvent event(String subject, int sequence) {
        byte[] data = ("{\"sequence\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
        return DepotopsEvents.create(eventType, "/platform-outbox-test", subject, "workspace-1", data);
    }

    private static int sequenceOf(CloudEvent event) {
        String json = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        return Integer.parseInt(json.replaceAll("\\D", ""));
    }

    private long countRows(String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from outbox_message where routing_key = ? and " + condition)) {
            count.setString(1, eventType);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
