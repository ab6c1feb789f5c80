package io.depotops.connect.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.depotops.chargepointsim.Frames;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.testing.TestQueue;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** The connect events that reached a real queue bound to depotops.events. */
final class Events {

    private static TestQueue queue;

    static synchronized TestQueue queue() throws Exception {
        if (queue == null) {
            queue = TestQueue.bind(Exchanges.EVENTS, "connect.#");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    queue.close();
                } catch (Exception ignored) {
                    // broker gone already
                }
            }));
        }
        return queue;
    }

    /** Data of every event of {@code type} about {@code chargePointId} so far. */
    static List<JsonNode> of(String type, String chargePointId) throws Exception {
        return queue().deliveries().stream()
                .filter(delivery -> delivery.routingKey().equals(type))
                .flatMap(delivery -> DepotopsEvents.deserializeAll(delivery.body()).stream())
                .filter(event -> chargePointId.equals(event.getSubject()))
                .map(Events::data)
                .toList();
    }

    static List<JsonNode> await(String type, String chargePointId, int atLeast) throws Exception {
        queue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> of(type, chargePointId).size() >= atLeast);
        return of(type, chargePointId);
    }

    /** True when no event of {@code type} about {@code chargePointId} came within a second. */
    static boolean none(String type, String chargePointId) throws Exception {
        queue();
        Thread.sleep(1000);
        return of(type, chargePointId).isEmpty();
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return Frames.JSON.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Events() {}
}
