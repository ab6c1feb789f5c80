package io.depotops.sitepwrmon;

import static io.depotops.sitepwrmon.PowerFixtures.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.platform.testing.TestQueue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Meters and readings through the API, and the events they cause. */
public final class MeterFixtures {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private MeterFixtures() {}

    public static void meter(String workspace, String meterId, String nodeId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("nodeId", nodeId);
        body.putIfAbsent("protocol", "REST");
        admin(workspace)
                .body(body)
                .put("/api/v1/workspaces/{ws}/meters/{id}", workspace, meterId)
                .then()
                .statusCode(201);
    }

    /** A three-phase reading with the same power and current on each phase. */
    public static Map<String, Object> reading(String meterId, Instant time, double wattsPerPhase, double ampsPerPhase) {
        Map<String, Object> body = new HashMap<>();
        body.put("meterId", meterId);
        body.put("time", time.toString());
        body.put("powerW", Map.of("l1", wattsPerPhase, "l2", wattsPerPhase, "l3", wattsPerPhase));
        body.put("currentA", Map.of("l1", ampsPerPhase, "l2", ampsPerPhase, "l3", ampsPerPhase));
        body.put("energyWh", 1000.0);
        return body;
    }

    public static io.restassured.response.ValidatableResponse upload(
            String workspace, List<Map<String, Object>> readings) {
        return admin(workspace)
                .body(Map.of("readings", readings))
                .post("/api/v1/workspaces/{ws}/readings", workspace)
                .then();
    }

    /** The data of the events of {@code type} about {@code subject} received so far. */
    public static List<JsonNode> events(TestQueue queue, String type, String subject) {
        return queue.deliveries().stream()
                .filter(d -> type.equals(d.routingKey()))
                .map(d -> DepotopsEvents.deserialize(d.body()))
                .filter(e -> subject.equals(e.getSubject()))
                .map(MeterFixtures::data)
                .toList();
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
