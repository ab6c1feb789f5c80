package io.depotops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestQueue.Delivery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With {@code pack-size} set (connect's frames), consecutive events of one routing key reach the
 * broker several to a message, as a CloudEvents JSON batch, in put order and all of them.
 */
@QuarkusTest
@TestProfile(PackedBufferedPublisherTest.PacksOfTen.class)
class PackedBufferedPublisherTest {

    public static class PacksOfTen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("depotops.buffered-publisher.pack-size", "10");
        }
    }

    @Inject
    BufferedPublisher buffer;

    @Test
    void consecutiveEventsOfOneTypeArePackedAtMostTenToAMessageInPutOrder() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String frames = "test.frames-" + suffix + ".happened.v1";
        String other = "test.other-" + suffix + ".happened.v1";
        try (TestQueue framesQueue = TestQueue.bind(Exchanges.EVENTS, frames);
                TestQueue otherQueue = TestQueue.bind(Exchanges.EVENTS, other)) {
            List<String> framesPut = new ArrayList<>();
            List<String> otherPut = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                // a run of another type now and then: it may not join the frames' packs
                String type = i % 50 == 49 ? other : frames;
                CloudEvent event = event(type, i);
                buffer.put(event);
                (type.equals(frames) ? framesPut : otherPut).add(event.getId());
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> ids(framesQueue).size() >= framesPut.size());
            await().atMost(Duration.ofSeconds(20)).until(() -> ids(otherQueue).size() >= otherPut.size());
            assertThat(ids(framesQueue)).containsExactlyElementsOf(framesPut);
            assertThat(ids(otherQueue)).containsExactlyElementsOf(otherPut);
            List<Integer> packSizes = framesQueue.deliveries().stream()
                    .map(delivery ->
                            DepotopsEvents.deserializeAll(delivery.body()).size())
                    .toList();
            assertThat(packSizes).allMatch(size -> size >= 1 && size <= 10);
            assertThat(packSizes).as("events put together travel together").anyMatch(size -> size > 1);
        }
    }

    private static List<String> ids(TestQueue queue) {
        List<String> ids = new ArrayList<>();
        for (Delivery delivery : queue.deliveries()) {
            DepotopsEvents.deserializeAll(delivery.body()).forEach(event -> ids.add(event.getId()));
        }
        return ids;
    }

    private static CloudEvent event(String type, int sequence) {
        String text = "[2,\"" + sequence + "\",\"Heartbeat\",{}]";
        return DepotopsEvents.create(
                type, "/platform-outbox-test", "CP-1", null, text.getBytes(StandardCharsets.UTF_8));
    }
}
