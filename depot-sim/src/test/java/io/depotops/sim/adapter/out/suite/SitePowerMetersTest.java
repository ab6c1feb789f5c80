package io.depotops.sim.adapter.out.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.sim.Configs;
import io.depotops.sim.application.port.DepotSuite;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.engine.Simulation;
import io.depotops.sim.domain.engine.SimulationListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run's meters: the site tree registered as sitepwrmon's API takes it (a stand-in that records
 * the requests; the real sitepwrmon is driven by system-tests), readings published on the real
 * Mosquitto under sitepwrmon's topic layout, each node's engine load at the simulated time.
 */
class SitePowerMetersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BROKER = URI.create("tcp://localhost:1883");

    record Request(String method, String path, String authorization, JsonNode body) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String refusePath;
    private Vertx vertx;
    private HttpServer sitepwrmon;
    private MqttClient subscriber;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sitepwrmon = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(buffer -> {
                    JsonNode body = null;
                    try {
                        body = buffer.length() == 0 ? null : JSON.readTree(buffer.toString());
                    } catch (Exception ignored) {
                        // recorded without a body
                    }
                    requests.add(new Request(
                            request.method().name(), request.path(), request.getHeader("Authorization"), body));
                    if (request.method().name().equals("DELETE")) {
                        request.response().setStatusCode(204).end();
                    } else if (refusePath != null && request.path().contains(refusePath)) {
                        request.response().setStatusCode(400).end("{\"title\":\"Bad\"}");
                    } else {
                        int id = ids.incrementAndGet();
                        request.response()
                                .setStatusCode(201)
                                .putHeader("ETag", "\"" + id + "\"")
                                .end("{\"id\":\"" + new UUID(0, id) + "\"}");
                    }
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (subscriber != null && subscriber.isConnected()) {
            subscriber.disconnect();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private SitePowerMeters meters(UUID workspace, String prefix) {
        return new SitePowerMeters(
                HttpClient.newHttpClient(),
                JSON,
                URI.create("http://127.0.0.1:" + sitepwrmon.actualPort()),
                BROKER,
                "depotops",
                new DepotSuite.Target(workspace, "the-token", true, true, prefix, "password-of-the-run-1"),
                new OcppIds(prefix));
    }

    @Test
    void registersTheTreeWithAMeterPerNodeAndPublishesEachNodesLoadAtTheSimulatedTime() throws Exception {
        UUID workspace = UUID.randomUUID();
        String prefix = "M" + Long.toString(System.nanoTime() % 100_000, 36) + "-";
        SimulationConfig config = Configs.read(Configs.exampleJson("mixed-depot"));
        Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        subscriber = new MqttClient(BROKER.toString(), "sim-test-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.connect();
        subscriber.subscribe(
                "depotops/" + workspace + "/meters/+/reading",
                1,
                (topic, message) -> received.computeIfAbsent(topic.split("/")[3], k -> new CopyOnWriteArrayList<>())
                        .add(JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8))));

        SitePowerMeters meters = meters(workspace, prefix);
        meters.register(config.site(), "core-site-1");

        String base = "/api/v1/workspaces/" + workspace;
        List<Request> nodes =
                requests.stream().filter(r -> r.path().equals(base + "/nodes")).toList();
        assertThat(nodes).hasSize(7); // grid, two halls, four circuits
        assertThat(nodes.getFirst().body().path("kind").asText()).isEqualTo("GRID_CONNECTION");
        assertThat(nodes.getFirst().body().has("parentId")).isFalse();
        assertThat(nodes.getFirst().body().path("siteId").asText()).isEqualTo("core-site-1");
        assertThat(nodes.getFirst().body().path("limitKw").asDouble())
                .isEqualTo(config.site().limitKw());
        assertThat(nodes.subList(1, 7))
                .allSatisfy(n -> assertThat(n.body().path("parentId").asText()).isNotBlank());
        assertThat(nodes.stream().map(n -> n.body().path("kind").asText()))
                .containsOnly("GRID_CONNECTION", "SWITCHBOARD", "CIRCUIT");
        List<Request> meterRequests =
                requests.stream().filter(r -> r.method().equals("PUT")).toList();
        assertThat(meterRequests).hasSize(7).allSatisfy(m -> {
            assertThat(m.path()).startsWith(base + "/meters/" + prefix + "M-");
            assertThat(m.body().path("protocol").asText()).isEqualTo("MQTT");
        });
        assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer the-token"));

        // The engine's node loads at every interval, as the run's connection hands them on
        Map<Instant, Double> rootLoads = new ConcurrentHashMap<>();
        String rootId = config.site().id();
        Simulation run = new Simulation(config, 7, new SimulationListener() {
            @Override
            public void nodeMetered(String nodeId, double loadKw, Instant at) {
                if (nodeId.equals(rootId)) {
                    rootLoads.put(at, loadKw);
                }
                meters.reading(nodeId, loadKw, at);
            }
        });
        // One simulated hour: the burst stays below Mosquitto's default queue per subscriber (1,000
        // QoS 1 messages), beyond which the broker drops for a slow subscriber on a loaded machine.
        run.advanceBy(Duration.ofHours(1));
        String rootMeter = meters.meterOf(rootId);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> received.getOrDefault(rootMeter, List.of()).size() >= rootLoads.size());
        assertThat(received).hasSize(7);
        assertThat(meters.published()).isEqualTo(7L * rootLoads.size());
        double previousEnergy = -1;
        for (JsonNode reading : received.get(rootMeter).stream()
                .sorted((a, b) ->
                        a.path("time").asText().compareTo(b.path("time").asText()))
                .toList()) {
            Instant at = Instant.parse(reading.path("time").asText());
            double watts = reading.path("powerW").path("l1").asDouble()
                    + reading.path("powerW").path("l2").asDouble()
                    + reading.path("powerW").path("l3").asDouble();
            assertThat(watts / 1000).isCloseTo(rootLoads.get(at), org.assertj.core.data.Offset.offset(0.01));
            assertThat(reading.path("energyWh").asDouble()).isGreaterThanOrEqualTo(previousEnergy);
            previousEnergy = reading.path("energyWh").asDouble();
        }
        assertThat(previousEnergy).isGreaterThan(0);

        meters.close();
        requests.clear();
        meters.removeAll();
        assertThat(requests).hasSize(14);
        // meters before nodes, the grid connection last
        assertThat(requests.subList(0, 7)).allSatisfy(r -> assertThat(r.path()).contains("/meters/"));
        assertThat(requests.getLast().path()).endsWith(new UUID(0, 1).toString());
    }

    @Test
    void aRefusedNodeRemovesWhatWasMadeAndFails() {
        UUID workspace = UUID.randomUUID();
        refusePath = "/meters/";
        SitePowerMeters meters = meters(workspace, "R2-");

        assertThatThrownBy(() -> meters.register(
                        Configs.read(Configs.smallDepot(1, 1, 300).toString()).site(), "core-site-2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sitepwrmon refused PUT");

        assertThat(requests.getLast().method()).isEqualTo("DELETE");
        assertThat(requests.getLast().path()).endsWith("/nodes/" + new UUID(0, 1));
    }
}
