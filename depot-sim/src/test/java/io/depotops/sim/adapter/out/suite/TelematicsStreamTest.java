package io.depotops.sim.adapter.out.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.sim.Configs;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.engine.Simulation;
import io.depotops.sim.domain.engine.SimulationListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run's vehicles as a streaming provider, against a stand-in of telematics' {@code
 * /stream/{provider}} (token checked before the upgrade, every message acknowledged); the real
 * telematics is driven by system-tests.
 */
class TelematicsStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "stream-token-of-the-run";

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer telematics;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        telematics = vertx.createHttpServer()
                .webSocketHandshakeHandler(handshake -> {
                    if (("Bearer " + TOKEN).equals(handshake.headers().get("Authorization"))) {
                        handshake.accept();
                    } else {
                        handshake.reject(401);
                    }
                })
                .webSocketHandler(socket -> {
                    paths.add(socket.path());
                    socket.textMessageHandler(text -> {
                        try {
                            JsonNode frame = JSON.readTree(text);
                            frames.add(frame);
                            var ack = JSON.createObjectNode();
                            var ids = ack.putArray("ack");
                            frame.forEach(m -> ids.add(m.path("messageId").asText()));
                            socket.writeTextMessage(ack.toString());
                        } catch (Exception e) {
                            socket.writeTextMessage("{\"error\":\"bad JSON\",\"messageIds\":[]}");
                        }
                    });
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private TelematicsStream stream(String token) {
        return new TelematicsStream(
                HttpClient.newHttpClient(),
                JSON,
                URI.create("ws://127.0.0.1:" + telematics.actualPort() + "/stream"),
                "depot-sim",
                token,
                new OcppIds("T7-"));
    }

    @Test
    void vehiclesAtTheDepotStreamTheirStateAtTheSimulatedTimeAndTheirOdometerMovesWithTheirBlocks() {
        SimulationConfig config = Configs.read(Configs.smallDepot(2, 2, 500).toString());
        TelematicsStream stream = stream(TOKEN);
        stream.open();
        Simulation run = new Simulation(config, 3, new SimulationListener() {
            @Override
            public void vehicleSampled(
                    String vehicleId, double socPercent, boolean pluggedIn, boolean charging, Instant at) {
                stream.sample(vehicleId, socPercent, pluggedIn, charging, at);
            }

            @Override
            public void vehicleDeparted(String vehicleId, double distanceKm, Instant at) {
                stream.departed(vehicleId, distanceKm);
            }
        });
        run.advanceTo(run.end());
        stream.close();

        await().atMost(Duration.ofSeconds(20)).until(() -> stream.acknowledged() == stream.sent());
        assertThat(paths).containsOnly("/stream/depot-sim");
        assertThat(stream.sent()).isGreaterThan(10);
        assertThat(stream.refused()).isZero();
        List<JsonNode> messages = frames.stream()
                .flatMap(frame -> java.util.stream.StreamSupport.stream(frame.spliterator(), false))
                .toList();
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.path("deviceId").asText()).startsWith("T7-BUS-0");
            assertThat(Instant.parse(m.path("observedAt").asText())).isBetween(run.start(), run.end());
            assertThat(m.path("stateOfChargePercent").asDouble()).isBetween(0.0, 100.0);
        });
        // each frame holds one interval: one observation time
        assertThat(frames)
                .allSatisfy(frame -> assertThat(java.util.stream.StreamSupport.stream(frame.spliterator(), false)
                                .map(m -> m.path("observedAt").asText())
                                .distinct())
                        .hasSize(1));
        // the buses charge in the evening, leave for their 220 km block next morning... and
        // after the block (if the run still sees them) their odometer has moved on
        assertThat(messages.stream()
                        .filter(m -> m.path("chargingState").asText().equals("CHARGING")))
                .isNotEmpty();
        double firstOdometer = messages.getFirst().path("odometerKm").asDouble();
        assertThat(firstOdometer).isEqualTo(TelematicsStream.FIRST_ODOMETER_KM);
        assertThat(messages.stream().mapToDouble(m -> m.path("odometerKm").asDouble()))
                .allSatisfy(km -> assertThat(km).isGreaterThanOrEqualTo(firstOdometer));
    }

    @Test
    void aWrongTokenIsRefusedBeforeTheRunStarts() {
        assertThatThrownBy(() -> stream("not-the-token").open())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused or unreachable");
    }
}
