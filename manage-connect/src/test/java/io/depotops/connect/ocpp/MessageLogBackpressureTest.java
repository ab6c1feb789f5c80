package io.depotops.connect.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.Frames;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.Queues;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.depotops.platform.testing.TestBroker;
import io.depotops.platform.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The message log loses no frame: when connect's frame buffer is full (here 20 frames, the broker
 * away), a charger's next answer waits for room instead of its frames being dropped, and once the
 * broker is back every frame arrives.
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
@TestProfile(MessageLogBackpressureTest.SmallFrameBuffer.class)
class MessageLogBackpressureTest {

    public static class SmallFrameBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "depotops.buffered-publisher.capacity", "20",
                    "depotops.buffered-publisher.publishers", "1",
                    "depotops.buffered-publisher.batch-size", "5",
                    "depotops.buffered-publisher.initial-backoff", "100ms",
                    "depotops.buffered-publisher.max-backoff", "500ms");
        }
    }

    private static final String BOOT_16 = "{\"chargePointVendor\":\"depotops\",\"chargePointModel\":\"sim-1\"}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    RabbitMqConnection rabbit;

    @Inject
    MeterRegistry meters;

    @AfterEach
    void restore() {
        TestServers.restoreAll();
    }

    @Test
    void connectDeclaresTheMessageLogsQueueSoNoFrameIsRoutedNowhere() {
        // Core may not have run yet on this broker: its queue must exist before the first frame.
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() ->
                        TestBroker.bound(Exchanges.EVENTS, Queues.CORE_MESSAGE_LOG, EventTypes.CONNECT_OCPP_FRAME_V1));
    }

    @Test
    void whenTheFrameBufferIsFullTheChargersAnswerWaitsAndNoFrameIsLost() throws Exception {
        Events.queue();
        String id = "BACKPRESSURE-1";
        double droppedBefore = meters.counter("depotops.buffered.dropped").count();
        List<String> sent = new ArrayList<>();
        String held = null;
        try (OcppClient cp = OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, "ocpp1.6")) {
            cp.call("boot", "BootNotification", BOOT_16);
            sent.add("boot");
            TestServers.rabbitmq().cut();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !rabbit.isOpen());
                // Two frames per Heartbeat: the buffer (20, and a batch of 5 in flight) fills
                // within 13; the first Heartbeat not answered within 2 s is the one held back.
                for (int i = 0; i < 30 && held == null; i++) {
                    String messageId = "hb" + i;
                    cp.sendRaw(Frames.call(messageId, "Heartbeat", "{}"));
                    sent.add(messageId);
                    String answer = cp.poll(Duration.ofSeconds(2));
                    if (answer == null) {
                        held = messageId;
                    } else {
                        assertThat(Frames.JSON.readTree(answer).get(1).asText()).isEqualTo(messageId);
                    }
                }
                assertThat(held)
                        .as("a Heartbeat waits for room once the buffer is full")
                        .isNotNull();
                assertThat(sent.size()).isLessThanOrEqualTo(16);
            } finally {
                TestServers.rabbitmq().restore();
            }
            // Answered once the broker confirms what the buffer held.
            JsonNode late = cp.next(Duration.ofSeconds(30));
            assertThat(late.get(1).asText()).isEqualTo(held);
        }

        // Every frame, in and out, reaches the broker: two per message.
        List<JsonNode> frames = Events.await(EventTypes.CONNECT_OCPP_FRAME_V1, id, 2 * sent.size());
        for (String messageId : sent) {
            assertThat(frames.stream()
                            .filter(frame -> frame.get("frame").asText().contains("\"" + messageId + "\""))
                            .map(frame -> frame.get("direction").asText())
                            .distinct())
                    .as("frames of %s", messageId)
                    .containsExactlyInAnyOrder("in", "out");
        }
        assertThat(meters.counter("depotops.buffered.dropped").count()).isEqualTo(droppedBefore);
    }
}
