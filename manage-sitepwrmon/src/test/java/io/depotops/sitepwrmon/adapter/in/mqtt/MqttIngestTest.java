package io.depotops.sitepwrmon.adapter.in.mqtt;

import static io.depotops.sitepwrmon.MeterFixtures.meter;
import static io.depotops.sitepwrmon.PowerFixtures.admin;
import static io.depotops.sitepwrmon.PowerFixtures.create;
import static io.depotops.sitepwrmon.PowerFixtures.newId;
import static io.depotops.sitepwrmon.PowerFixtures.node;
import static io.depotops.sitepwrmon.PowerFixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Readings published by a gateway on the machine's Mosquitto reach the node's live load. */
@QuarkusTest
class MqttIngestTest {

    @ConfigProperty(name = "depotops.sitepwrmon.mqtt.url")
    String url;

    @ConfigProperty(name = "depotops.sitepwrmon.mqtt.topic-prefix")
    String prefix;

    private final String workspace = newId();
    private final String site = newId();

    private JsonPath load(String nodeId) {
        return admin(workspace)
                .get("/api/v1/workspaces/{ws}/nodes/{id}/load", workspace, nodeId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aGatewaysReadingsArriveAndGarbageOrUnknownMetersAreDropped() throws Exception {
        String grid = root(workspace, site, 400.0, null);
        String nodeId = create(workspace, node(site, grid, "SWITCHBOARD", "board"));
        String meterId = "gw-" + newId().substring(0, 8);
        meter(workspace, meterId, nodeId, Map.of("protocol", "MQTT"));

        MqttClient gateway = new MqttClient(url, "test-gateway-" + UUID.randomUUID(), new MemoryPersistence());
        gateway.connect();
        try {
            String topic = prefix + "/" + workspace + "/meters/" + meterId + "/reading";
            gateway.publish(topic, new MqttMessage("not json".getBytes(StandardCharsets.UTF_8)));
            gateway.publish(
                    prefix + "/" + workspace + "/meters/unknown-meter/reading",
                    new MqttMessage(("{\"time\":\"" + Instant.now() + "\",\"powerW\":{\"l1\":1}}")
                            .getBytes(StandardCharsets.UTF_8)));
            Instant time = Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                    .minusSeconds(1);
            String payload = "{\"time\":\"" + time + "\",\"powerW\":{\"l1\":7000,\"l2\":7100,\"l3\":6900},"
                    + "\"currentA\":{\"l1\":30.4,\"l2\":30.9,\"l3\":30.0},\"energyWh\":5000,\"quality\":\"GOOD\"}";
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            gateway.publish(topic, message);
            await().atMost(Duration.ofSeconds(10)).until(() -> load(nodeId).get("time") != null);
            JsonPath live = load(nodeId);
            assertThat(live.getDouble("loadKw")).isEqualTo(21.0);
            assertThat(live.getDouble("currentA.l2")).isEqualTo(30.9);
            assertThat(live.getString("time")).isEqualTo(time.toString());
        } finally {
            gateway.disconnect();
            gateway.close();
        }
    }
}
