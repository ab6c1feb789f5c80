package io.depotops.sim.adapter.out.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.sim.Configs;
import io.depotops.sim.application.port.DepotSuite;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration as core's REST API takes it, against a stand-in that records requests (real core
 * is exercised by system-tests): what is sent, with the token, and removal with If-Match.
 */
class CoreRegistrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String method, String path, String authorization, String ifMatch, JsonNode body) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String refusePathEnding;
    private Vertx vertx;
    private HttpServer core;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        core = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(buffer -> {
                    JsonNode body = null;
                    try {
                        body = buffer.length() == 0 ? null : JSON.readTree(buffer.toString());
                    } catch (Exception ignored) {
                        // recorded without a body
                    }
                    requests.add(new Request(
                            request.method().name(),
                            request.path(),
                            request.getHeader("Authorization"),
                            request.getHeader("If-Match"),
                            body));
                    if (request.method().name().equals("DELETE")) {
                        request.response().setStatusCode(204).end();
                    } else if (refusePathEnding != null && request.path().endsWith(refusePathEnding)) {
                        request.response().setStatusCode(409).end("{\"title\":\"Conflict\"}");
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
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private CoreRegistration registration(UUID workspace) {
        return new CoreRegistration(
                HttpClient.newHttpClient(),
                JSON,
                URI.create("http://127.0.0.1:" + core.actualPort()),
                new DepotSuite.Target(workspace, "the-token", true, true, "R1-", "password-of-the-run-1"));
    }

    @Test
    void registersDepotSiteChargersWithPasswordsAndVehiclesAndRemovesThemNewestFirst() {
        UUID workspace = UUID.randomUUID();
        CoreRegistration registration = registration(workspace);

        registration.register(Configs.read(Configs.smallDepot(3, 2, 400).toString()), new OcppIds("R1-"));

        String base = "/api/v1/workspaces/" + workspace;
        assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer the-token"));
        assertThat(requests.stream().map(Request::path))
                .containsExactlyInAnyOrder(
                        base + "/depots",
                        base + "/sites",
                        base + "/chargers",
                        base + "/chargers",
                        base + "/chargers",
                        base + "/vehicles",
                        base + "/vehicles");
        JsonNode site = requests.get(1).body();
        assertThat(site.path("gridCapacityKw").asDouble()).isEqualTo(400.0);
        JsonNode charger = requests.stream()
                .filter(r -> r.path().endsWith("/chargers"))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(charger.path("chargePointId").asText()).startsWith("R1-CP-0");
        assertThat(charger.path("password").asText()).isEqualTo("password-of-the-run-1");
        assertThat(charger.path("ocppVersion").asText()).isEqualTo("2.0.1");
        assertThat(charger.path("connectors").path(0).path("type").asText()).isEqualTo("CCS2");
        JsonNode vehicle = requests.stream()
                .filter(r -> r.path().endsWith("/vehicles"))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(vehicle.path("idTag").asText()).startsWith("R1-BUS-0");
        assertThat(vehicle.path("vin").asText()).matches("[A-HJ-NPR-Z0-9]{17}");
        assertThat(registration.registered()).isEqualTo(7);

        requests.clear();
        registration.removeAll();
        assertThat(requests).hasSize(7).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.ifMatch()).isNotBlank();
        });
        // the depot (registered first) goes last
        assertThat(requests.getLast().path()).isEqualTo(base + "/depots/" + new UUID(0, 1));
        assertThat(registration.removed()).isEqualTo(7);
    }

    @Test
    void aRefusedRegistrationRemovesWhatWasMadeAndSaysWhy() {
        refusePathEnding = "/vehicles";
        CoreRegistration registration = registration(UUID.randomUUID());

        assertThatThrownBy(() -> registration.register(
                        Configs.read(Configs.smallDepot(2, 2, 400).toString()), new OcppIds("R1-")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("409");
        assertThat(requests.stream().filter(r -> r.method().equals("DELETE"))).hasSize(4);
        assertThat(registration.registered()).isZero();
    }
}
