package io.depotops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestBroker;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestQueue.Delivery;
import io.depotops.platform.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The buffer for messages that are no fact of a transaction (connect's raw frames): bounded, and
 * lossless while the service runs. Test settings: capacity 500 messages, 1,000,000 bytes, batches
 * of 100.
 */
@QuarkusTest
class BufferedPublisherTest {

    @Inject
    BufferedPublisher buffer;

    @Inject
    MeterRegistry meters;

    @Inject
    @Readiness
    BufferedPublisherReadinessCheck readiness;

    private String eventType;
    private TestQueue queue;

    @BeforeEach
    void bindQueue() throws Exception {
        eventType = "test.frames-" + UUID.randomUUID().toString().substring(0, 8) + ".happened.v1";
        queue = TestQueue.bind(Exchanges.EVENTS, eventType);
    }

    @AfterEach
    void closeQueue() throws Exception {
        TestServers.restoreAll();
        queue.close();
    }

    @Test
    void publishesEverythingPutInPutOrder() {
        double confirmedBefore = counter("depotops.buffered.confirmed");
        double redeliveredBefore = counter("depotops.buffered.redelivered");
        long waitsBefore = waits();
        List<String> put = new ArrayList<>();
        // Fewer than it holds (500), put at once: none may wait.
        for (int i = 1; i <= 450; i++) {
            CloudEvent frame = frame(i, 100);
            buffer.put(frame);
            put.add(frame.getId());
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> queue.deliveries().size() >= put.size());
        assertThat(queue.deliveries()).extracting(Delivery::messageId).containsExactlyElementsOf(put);
        // Counted once the broker confirmed them; nothing had to be sent again or wait.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> counter("depotops.buffered.confirmed") - confirmedBefore == 450);
        assertThat(counter("depotops.buffered.redelivered")).isEqualTo(redeliveredBefore);
        assertThat(waits()).isEqualTo(waitsBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> buffer.lagSeconds() == 0);
    }

    @Test
    void whenFullAPutWaitsForRoomAndNothingIsLostOnceTheBrokerIsBack() throws Exception {
        double droppedBefore = counter("depotops.buffered.dropped");
        double redeliveredBefore = counter("depotops.buffered.redelivered");
        List<String> put = new CopyOnWriteArrayList<>();
        Thread producer;
        try {
            TestServers.rabbitmq().cut();
            holdOneInFlight(put);

            // 600 more against room for 500: the producer is held back at the 501st, not refused.
            producer = Thread.ofVirtual().start(() -> {
                for (int i = 2; i <= 601; i++) {
                    CloudEvent frame = frame(i, 100);
                    buffer.put(frame);
                    put.add(frame.getId());
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> buffer.waiting() == 1);
            Thread.sleep(500);
            assertThat(producer.isAlive())
                    .as("the producer waits while the broker is away")
                    .isTrue();
            assertThat(put).hasSize(1 + 500);
            assertThat(buffer.queued()).isEqualTo(500);
            assertThat(buffer.lagSeconds())
                    .as("the oldest unconfirmed message's age")
                    .isGreaterThan(0.5);
            assertThat(readiness()).containsEntry("waitingProducers", 1L).containsEntry("queued", 500L);
        } finally {
            TestServers.rabbitmq().restore();
        }

        producer.join(Duration.ofSeconds(30));
        assertThat(producer.isAlive()).as("room once the broker confirms").isFalse();
        assertThat(put).hasSize(601);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queue.deliveries().stream()
                                .map(Delivery::messageId)
                                .distinct()
                                .count()
                        >= put.size());
        // At least once: the batch in flight at the cut may arrive twice; the order holds.
        List<String> delivered =
                queue.deliveries().stream().map(Delivery::messageId).distinct().toList();
        assertThat(delivered).containsExactlyElementsOf(put);
        assertThat(counter("depotops.buffered.dropped")).isEqualTo(droppedBefore);
        assertThat(counter("depotops.buffered.redelivered") - redeliveredBefore)
                .as("the batch that failed at the cut was sent again")
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.timer("depotops.buffered.backpressure").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theBytesItHoldsAreBoundedToo() throws Exception {
        List<String> put = new CopyOnWriteArrayList<>();
        Thread producer;
        try {
            TestServers.rabbitmq().cut();
            holdOneInFlight(put);
            // 100 KB each against 1,000,000 bytes: about ten fit (the one in flight still counts).
            producer = Thread.ofVirtual().start(() -> {
                for (int i = 2; i <= 31; i++) {
                    CloudEvent frame = frame(i, 100_000);
                    buffer.put(frame);
                    put.add(frame.getId());
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> buffer.waiting() == 1);
            assertThat(put.size()).isBetween(9, 10);
            assertThat(buffer.heldBytes()).isLessThanOrEqualTo(1_000_000);
        } finally {
            TestServers.rabbitmq().restore();
        }
        producer.join(Duration.ofSeconds(30));
        assertThat(put).hasSize(31);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queue.deliveries().stream()
                                .map(Delivery::messageId)
                                .distinct()
                                .count()
                        == put.size());
    }

    @Test
    void aBatchTheBrokerRefusesIsPublishedAgainUntilTaken() throws Exception {
        // A queue that takes 150 messages and makes the broker nack any publish beyond them (more
        // than a batch, 100, so that a batch fits once the queue is drained).
        String routingKey = "test.nacked-" + UUID.randomUUID().toString().substring(0, 8) + ".happened.v1";
        String name = "depotops.test.nack." + UUID.randomUUID();
        try (Connection connection = TestBroker.connectionFactory().newConnection("depotops-test-nack")) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(name, true, false, false, Map.of("x-max-length", 150, "x-overflow", "reject-publish"));
            channel.queueBind(name, Exchanges.EVENTS, routingKey);
            try {
                double failuresBefore = counter("depotops.buffered.publish.failures");
                double redeliveredBefore = counter("depotops.buffered.redelivered");
                List<String> put = new ArrayList<>();
                for (int i = 1; i <= 300; i++) {
                    CloudEvent event = DepotopsEvents.create(
                            routingKey, "/platform-outbox-test", "CP-1", null, ("{\"n\":" + i + "}").getBytes());
                    buffer.put(event);
                    put.add(event.getId());
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> counter("depotops.buffered.publish.failures") > failuresBefore);

                // Draining the queue makes room: every message arrives, the refused ones sent again.
                List<String> received = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.stream().distinct().count() < put.size() && System.nanoTime() < until) {
                    GetResponse got = channel.basicGet(name, true);
                    if (got == null) {
                        Thread.sleep(50);
                    } else {
                        received.add(got.getProps().getMessageId());
                    }
                }
                assertThat(received.stream().distinct()).containsExactlyInAnyOrderElementsOf(put);
                assertThat(counter("depotops.buffered.redelivered")).isGreaterThan(redeliveredBefore);
            } finally {
                channel.queueDelete(name);
            }
        }
    }

    /** While the broker is cut: one message taken by a publishing thread and failing. */
    private void holdOneInFlight(List<String> put) {
        double failuresBefore = counter("depotops.buffered.publish.failures");
        CloudEvent probe = frame(1, 100);
        buffer.put(probe);
        put.add(probe.getId());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counter("depotops.buffered.publish.failures") > failuresBefore && buffer.queued() == 0);
    }

    private Map<String, Object> readiness() {
        return readiness.call().getData().orElseThrow();
    }

    private long waits() {
        return meters.timer("depotops.buffered.backpressure").count();
    }

    private double counter(String name) {
        return meters.counter(name).count();
    }

    private CloudEvent frame(int sequence, int size) {
        String text = "[2,\"" + sequence + "\",\"Heartbeat\",{\"pad\":\"" + "x".repeat(size) + "\"}]";
        return DepotopsEvents.create(
                eventType, "/platform-outbox-test", "CP-1", null, text.getBytes(StandardCharsets.UTF_8));
    }
}
