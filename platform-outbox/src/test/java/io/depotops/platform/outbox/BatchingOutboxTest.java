package io.depotops.platform.outbox;

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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchingOutboxTest {

    @Inject
    BatchingOutbox outbox;

    @Inject
    AgroalDataSource dataSource;

    private String eventType;
    private TestQueue queue;

    @BeforeEach
    void bindQueue() throws Exception {
        eventType = "test.batching-" + UUID.randomUUID().toString().substring(0, 8) + ".happened.v1";
        queue = TestQueue.bind(Exchanges.EVENTS, eventType);
    }

    @AfterEach
    void closeQueue() throws Exception {
        queue.close();
    }

    @Test
    void manyConcurrentAppendersShareCommitsAndEachAggregateKeepsItsOrder() throws Exception {
        int aggregates = 40;
        int eventsPerAggregate = 25;
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService chargers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int a = 1; a <= aggregates; a++) {
                String subject = "charger-" + a;
                chargers.submit(() -> {
                    for (int sequence = 1; sequence <= eventsPerAggregate; sequence++) {
                        CloudEvent event = event(subject, sequence);
                        // Like a charger's session: the next fact only after the previous one committed.
                        outbox.append(List.of(OutboxMessage.event(event, "charger", subject)))
                                .get(10, TimeUnit.SECONDS);
                        written.add(event.getId());
                        // Committed when the future completes: in the table, or already published
                        // (the relay deletes what the broker confirmed).
                        assertThat(rowExists(event.getId()) || delivered(event.getId()))
                                .as("committed when the future completes")
                                .isTrue();
                    }
                    return null;
                });
            }
        }
        assertThat(written).hasSize(aggregates * eventsPerAggregate);

        await().atMost(Duration.ofSeconds(30)).until(() -> queue.deliveries().size() >= written.size());
        List<Delivery> deliveries = queue.deliveries();
        assertThat(deliveries).extracting(Delivery::messageId).containsExactlyInAnyOrderElementsOf(written);
        for (int a = 1; a <= aggregates; a++) {
            String subject = "charger-" + a;
            List<Integer> sequences = deliveries.stream()
                    .map(delivery -> DepotopsEvents.deserialize(delivery.body()))
                    .filter(event -> subject.equals(event.getSubject()))
                    .map(BatchingOutboxTest::sequenceOf)
                    .toList();
            assertThat(sequences).as("order of %s", subject).isSorted().hasSize(eventsPerAggregate);
        }
    }

    @Test
    void messagesSubmittedTogetherAreCommittedTogetherAndInTheirOrder() throws Exception {
        List<OutboxMessage> messages = IntStream.rangeClosed(1, 5)
                .mapToObj(sequence -> OutboxMessage.event(event("evse-1", sequence), "evse", "evse-1"))
                .toList();

        outbox.append(messages).get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.deliveries().size() == 5);
        assertThat(queue.deliveries())
                .extracting(delivery -> sequenceOf(DepotopsEvents.deserialize(delivery.body())))
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void moreThanTheQueueHoldsIsRefusedAtOnceAndNothingOfItIsStored() throws SQLException {
        // application.properties (tests): depotops.outbox.batching-queue-capacity=1000
        List<OutboxMessage> tooMany = IntStream.rangeClosed(1, 1001)
                .mapToObj(sequence -> OutboxMessage.event(event("bulk", sequence), "bulk", "bulk"))
                .toList();

        CompletableFuture<Void> refused = outbox.append(tooMany);

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class).hasMessageContaining("full");
        assertThat(rowExists(tooMany.getFirst().messageId())).isFalse();
    }

    @Test
    void whileTheDatabaseIsDownAppendsFailAndAfterwardsTheyCommitAgain() throws Exception {
        CloudEvent lost = event("meter-1", 1);
        try {
            TestServers.postgres().cut();
            CompletableFuture<Void> failed = outbox.append(List.of(OutboxMessage.event(lost, "meter", "meter-1")));
            assertThatThrownBy(() -> failed.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        } finally {
            TestServers.postgres().restore();
        }
        CloudEvent kept = event("meter-1", 2);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            outbox.append(List.of(OutboxMessage.event(kept, "meter", "meter-1")))
                    .get(10, TimeUnit.SECONDS);
            return true;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> !queue.deliveries().isEmpty());
        assertThat(queue.deliveries())
                .extracting(Delivery::messageId)
                .contains(kept.getId())
                .doesNotContain(lost.getId());
    }

    private CloudEvent event(String subject, int sequence) {
        byte[] data = ("{\"sequence\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
        return DepotopsEvents.create(eventType, "/platform-outbox-test", subject, "workspace-1", data);
    }

    private static int sequenceOf(CloudEvent event) {
        String json = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        return Integer.parseInt(json.replaceAll("\\D", ""));
    }

    private boolean delivered(String messageId) {
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> queue.deliveries().stream()
                            .anyMatch(d -> d.messageId().equals(messageId)));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private boolean rowExists(String messageId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select 1 from outbox_message where message_id = ?")) {
            select.setString(1, messageId);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }
}
