package io.depotops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The buffer for messages that are no fact of a transaction (connect's raw frames). Test settings:
 * capacity 500 messages, 1,000,000 bytes, batches of 100.
 */
@QuarkusTest
class BufferedPublisherTest {

    @Inject
    BufferedPublisher buffer;

    @Inject
    MeterRegistry meters;

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
    void publishesEverythingOfferedInOfferOrder() {
        double publishedBefore = counter("depotops.buffered.published");
        List<String> offered = new ArrayList<>();
        // Fewer than it holds (500), offered at once: none may be refused.
        for (int i = 1; i <= 450; i++) {
            CloudEvent frame = frame(i, 100);
            assertThat(buffer.offer(frame)).isTrue();
            offered.add(frame.getId());
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> queue.deliveries().size() >= offered.size());
        assertThat(queue.deliveries()).extracting(Delivery::messageId).containsExactlyElementsOf(offered);
        // Counted once the broker confirmed them.
        assertThat(counter("depotops.buffered.published") - publishedBefore).isEqualTo(450);
    }

    @Test
    void whenFullItRefusesAtOnceCountsTheDropsAndPublishesWhatItHeldOnceTheBrokerIsBack() {
        double droppedBefore = counter("depotops.buffered.dropped");
        List<String> held = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try {
            TestServers.rabbitmq().cut();
            holdOneInFlight(held);

            long started = System.nanoTime();
            for (int i = 2; i <= 601; i++) {
                CloudEvent frame = frame(i, 100);
                (buffer.offer(frame) ? held : refused).add(frame.getId());
            }
            Duration offering = Duration.ofNanos(System.nanoTime() - started);

            assertThat(offering).as("offers never wait for the broker").isLessThan(Duration.ofMillis(500));
            assertThat(held).hasSize(1 + 500);
            assertThat(refused).hasSize(100);
            assertThat(buffer.queued()).isEqualTo(500);
            assertThat(counter("depotops.buffered.dropped") - droppedBefore).isEqualTo(100);
        } finally {
            TestServers.rabbitmq().restore();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> queue.deliveries().size() >= held.size());
        await().during(Duration.ofSeconds(1)).until(() -> buffer.queued() == 0);
        // At least once: the batch in flight at the cut may arrive twice; the order holds.
        List<String> delivered =
                queue.deliveries().stream().map(Delivery::messageId).distinct().toList();
        assertThat(delivered).containsExactlyElementsOf(held).doesNotContainAnyElementsOf(refused);
    }

    @Test
    void theBytesItHoldsAreBoundedToo() {
        List<String> held = new ArrayList<>();
        int refused = 0;
        try {
            TestServers.rabbitmq().cut();
            holdOneInFlight(held);
            // 100 KB each against 1,000,000 bytes: ten fit (the one in flight still counts).
            for (int i = 2; i <= 31; i++) {
                CloudEvent frame = frame(i, 100_000);
                if (buffer.offer(frame)) {
                    held.add(frame.getId());
                } else {
                    refused++;
                }
            }
            assertThat(held.size()).isBetween(9, 10);
            assertThat(refused).isEqualTo(31 - held.size());
        } finally {
            TestServers.rabbitmq().restore();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queue.deliveries().stream()
                                .map(Delivery::messageId)
                                .distinct()
                                .count()
                        == held.size());
    }

    /** While the broker is cut: one message taken by the publishing thread and failing. */
    private void holdOneInFlight(List<String> held) {
        double failuresBefore = counter("depotops.buffered.publish.failures");
        CloudEvent probe = frame(1, 100);
        assertThat(buffer.offer(probe)).isTrue();
        held.add(probe.getId());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counter("depotops.buffered.publish.failures") > failuresBefore && buffer.queued() == 0);
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
