package io.depotops.telematics.adapter.in.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.platform.testing.TestQueue;
import io.depotops.platform.testing.TestServers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamEndpointTest {

    private static final String WORKSPACE = "6f1c2a4e-0b8e-4a43-9a9e-3f0f5d6a7b10";

    @TestHTTPResource("/stream/")
    URI base;

    @Inject
    ObjectMapper json;

    private TestQueue updates;

    @BeforeEach
    void bind() throws Exception {
        updates = TestQueue.bind(Exchanges.EVENTS, CanonicalVehicleUpdateV1.TYPE);
    }

    @AfterEach
    void unbind() throws Exception {
        updates.close();
    }

    /** A provider's stream: what it sent and what it got back. */
    private final class Provider implements WebSocket.Listener, AutoCloseable {
        final List<JsonNode> answers = new CopyOnWriteArrayList<>();
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        Provider(String provider, String token) {
            URI uri = URI.create(base.toString().replace("http", "ws") + provider);
            socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(uri, this)
                    .join();
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    answers.add(json.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        List<String> acked() {
            return answers.stream()
                    .filter(a -> a.has("ack"))
                    .flatMap(a ->
                            java.util.stream.StreamSupport.stream(a.get("ack").spliterator(), false))
                    .map(JsonNode::asText)
                    .toList();
        }

        List<JsonNode> errors() {
            return answers.stream().filter(a -> a.has("error")).toList();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    private static String generic(String messageId, String device, Instant at, double soc, Double odometer) {
        return """
                {"messageId":"%s","deviceId":"%s","observedAt":"%s","stateOfChargePercent":%s%s,
                 "chargingState":"CHARGING","attributes":{"firmware":"7.1"}}""".formatted(messageId, device, at, soc, odometer == null ? "" : ",\"odometerKm\":" + odometer);
    }

    private List<CanonicalVehicleUpdateV1> published(String device) {
        return updates.deliveries().stream()
                .map(d -> DepotopsEvents.deserialize(d.body()))
                .map(e -> {
                    try {
                        return json.readValue(e.getData().toBytes(), CanonicalVehicleUpdateV1.class);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .filter(u -> device.equals(u.deviceId()))
                .toList();
    }

    @Test
    void aStreamWithoutAValidTokenIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> new Provider("generic-gps", "wrong-token"))
                .isInstanceOf(CompletionException.class)
                .hasStackTraceContaining("status code 401");
        // a valid token of another provider does not open this provider's stream
        assertThatThrownBy(() -> new Provider("generic-gps", "token-of-tesla"))
                .isInstanceOf(CompletionException.class)
                .hasStackTraceContaining("status code 401");
    }

    @Test
    void anUpdateIsAcknowledgedOnlyOnceItIsPublished() {
        String device = "gps-" + UUID.randomUUID();
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            provider.send(generic("m-1", device, Instant.now(), 55.5, 1200.0));

            await().atMost(Duration.ofSeconds(10)).until(() -> provider.acked().contains("m-1"));
            List<CanonicalVehicleUpdateV1> sent = published(device);
            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().workspaceId()).isEqualTo(WORKSPACE);
            assertThat(sent.getFirst().provider()).isEqualTo("generic-gps");
            assertThat(sent.getFirst().stateOfChargePercent()).isEqualTo(55.5);
            assertThat(sent.getFirst().attributes()).containsEntry("firmware", "7.1");
        }
    }

    @Test
    void updatesOfOneVehicleWithinAWindowAreCoalescedLatestWins() {
        String device = "gps-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            provider.send("[" + generic("c-1", device, now.minusSeconds(2), 50, 1000.0) + ","
                    + generic("c-2", device, now.minusSeconds(1), 51, null) + ","
                    + generic("c-3", device, now, 52, null) + "]");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> provider.acked().containsAll(List.of("c-1", "c-2", "c-3")));
            List<CanonicalVehicleUpdateV1> sent = published(device);
            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().stateOfChargePercent()).isEqualTo(52.0);
            assertThat(sent.getFirst().odometerKm()).isEqualTo(1000.0);
            assertThat(sent.getFirst().observedAt()).isEqualTo(now);
        }
    }

    @Test
    void badMessagesGetAReasonAndTheStreamStaysUp() {
        String device = "gps-" + UUID.randomUUID();
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            provider.send("{not json");
            provider.send("{\"messageId\":\"b-1\",\"observedAt\":\"2026-11-23T08:00:00Z\"}");
            provider.send(generic("b-2", device, Instant.now(), 150, null)); // SoC above 100: schema refuses
            provider.send(generic("b-3", device.replace("gps", "ok"), Instant.now(), 40, null));

            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            provider.errors().size() >= 3 && provider.acked().contains("b-3"));
            assertThat(provider.errors().get(0).get("error").asText()).startsWith("not valid JSON");
            assertThat(provider.errors().get(1).get("error").asText()).isEqualTo("deviceId is required");
            assertThat(provider.errors().stream().map(e -> e.get("messageIds").toString()))
                    .anyMatch(ids -> ids.contains("b-2"));
            assertThat(published(device)).isEmpty();
        }
    }

    @Test
    void oneInvalidMessageIsRefusedAloneAndTheValidOnesOfItsWindowAreIngested() {
        String device = "gps-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            // one coalescing window: odometer, position, plugged-in state, a late value for history
            // and, newest of all, a state of charge of 150 %
            provider.send("["
                    + """
                    {"messageId":"m1","deviceId":"%s","observedAt":"%s","odometerKm":1234.5},
                    {"messageId":"m2","deviceId":"%s","observedAt":"%s","position":{"latitude":53.55,"longitude":9.99},"pluggedIn":true},
                    {"messageId":"m3","deviceId":"%s","observedAt":"%s","stateOfChargePercent":61.0},
                    {"messageId":"bad2","deviceId":"%s","observedAt":"%s","stateOfChargePercent":150}""".formatted(
                                    device,
                                    now.minusSeconds(2),
                                    device,
                                    now.minusSeconds(1),
                                    device,
                                    now.minusSeconds(600),
                                    device,
                                    now)
                    + "]");

            await().atMost(Duration.ofSeconds(10)).until(() -> provider.acked().containsAll(List.of("m1", "m2", "m3")));
            assertThat(provider.acked()).containsExactlyInAnyOrder("m1", "m2", "m3");
            assertThat(provider.errors()).hasSize(1);
            JsonNode refusal = provider.errors().getFirst();
            assertThat(refusal.get("messageIds").toString()).isEqualTo("[\"bad2\"]");
            assertThat(refusal.get("pointer").asText()).isEqualTo("/stateOfChargePercent");
            assertThat(refusal.get("error").asText())
                    .startsWith("/stateOfChargePercent: ")
                    .contains("100");

            List<CanonicalVehicleUpdateV1> sent = published(device);
            assertThat(sent).hasSize(1);
            CanonicalVehicleUpdateV1 update = sent.getFirst();
            assertThat(update.odometerKm()).isEqualTo(1234.5);
            assertThat(update.position().latitude()).isEqualTo(53.55);
            assertThat(update.position().longitude()).isEqualTo(9.99);
            assertThat(update.pluggedIn()).isTrue();
            assertThat(update.stateOfChargePercent()).isEqualTo(61.0); // the late value fills the gap
            assertThat(update.observedAt()).isEqualTo(now.minusSeconds(1)); // the refused one is not in it
            assertThat(update.updateId()).isEqualTo("generic-gps:m2");
        }
    }

    @Test
    void malformedOversizedAndUnreadableMessagesAreRefusedAloneAndTheStreamGoesOn() {
        String device = "gps-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            provider.send(generic("w-1", device, now.minusSeconds(1), 40, 100.0));
            provider.send("{\"messageId\": \"broken\", "); // malformed JSON in the same window
            provider.send("{\"messageId\":\"huge\",\"deviceId\":\"" + device + "\",\"observedAt\":\"" + now
                    + "\",\"attributes\":{\"blob\":\"" + "x".repeat(1_100_000) + "\"}}");
            provider.send("""
                    [{"messageId":"half-position","deviceId":"%s","observedAt":"%s","position":{"latitude":53.5}},
                     {"messageId":"infinite","deviceId":"%s","observedAt":"%s","speedKmh":1e309},
                     {"messageId":"null-attribute","deviceId":"%s","observedAt":"%s","attributes":{"a":null,"b":1}},
                     17]""".formatted(device, now, device, now, device, now));

            // generous: a 1.1 MB frame on a machine busy with other builds took over 10 s once
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> provider.errors().size() >= 5
                            && provider.acked().containsAll(List.of("w-1", "null-attribute")));
            List<String> reasons =
                    provider.errors().stream().map(e -> e.get("error").asText()).toList();
            assertThat(reasons).anyMatch(r -> r.startsWith("not valid JSON"));
            assertThat(reasons).anyMatch(r -> r.startsWith("message too large: 1100"));
            assertThat(provider.errors())
                    .anySatisfy(e -> {
                        assertThat(e.get("messageIds").toString()).isEqualTo("[\"half-position\"]");
                        assertThat(e.get("pointer").asText()).isEqualTo("/position/longitude");
                    })
                    .anySatisfy(e -> {
                        assertThat(e.get("messageIds").toString()).isEqualTo("[\"infinite\"]");
                        assertThat(e.get("pointer").asText()).isEqualTo("/speedKmh");
                    })
                    .anySatisfy(e -> assertThat(e.get("error").asText()).isEqualTo("messageId is required"));
            assertThat(provider.socket.isOutputClosed()).isFalse();

            // w-1 and null-attribute are coalesced into one update when they share a window; on a busy
            // machine the 1.1 MB frame between them can split them into two. Either way both are in.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> published(device).stream()
                            .anyMatch(u ->
                                    u.attributes() != null && u.attributes().containsKey("b")));
            List<CanonicalVehicleUpdateV1> sent = published(device);
            assertThat(sent).hasSizeLessThanOrEqualTo(2);
            assertThat(sent)
                    .anySatisfy(u -> assertThat(u.stateOfChargePercent()).isEqualTo(40.0));
            assertThat(sent).anySatisfy(u -> assertThat(u.attributes()).containsEntry("b", 1));
            assertThat(sent).allSatisfy(u -> {
                assertThat(u.position()).as("the half position is refused").isNull();
                assertThat(u.speedKmh()).as("the infinite speed is refused").isNull();
                if (u.attributes() != null) {
                    assertThat(u.attributes()).doesNotContainKey("a");
                }
            });
        }
    }

    @Test
    void aVehicleNoOneKnowsIsPublishedOnItsOwnForCoreToJudge() {
        // telematics keeps no vehicle registry: core's ingest refuses devices of no vehicle; here the
        // message of an unknown device is acknowledged once the broker has it and spoils nothing else
        String known = "gps-" + UUID.randomUUID();
        String unknown = "never-registered-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            provider.send(
                    "[" + generic("k-1", known, now, 70, 10.0) + "," + generic("u-1", unknown, now, 20, null) + "]");

            await().atMost(Duration.ofSeconds(10)).until(() -> provider.acked().containsAll(List.of("k-1", "u-1")));
            assertThat(provider.errors()).isEmpty();
            assertThat(published(known))
                    .singleElement()
                    .satisfies(u -> assertThat(u.stateOfChargePercent()).isEqualTo(70.0));
            assertThat(published(unknown))
                    .singleElement()
                    .satisfies(u -> assertThat(u.stateOfChargePercent()).isEqualTo(20.0));
        }
    }

    @Test
    void fleetTelemetryFieldListsAreNormalised() {
        String vin = "5YJ3E1EA7KF" + String.format("%06d", (int) (Math.random() * 1_000_000));
        try (Provider provider = new Provider("tesla", "token-of-tesla")) {
            provider.send("""
                    {"vin":"%s","createdAt":"%s","data":[
                      {"key":"Soc","value":{"doubleValue":77.5}},
                      {"key":"Odometer","value":{"doubleValue":100.0}},
                      {"key":"Location","value":{"locationValue":{"latitude":53.5,"longitude":10.0}}},
                      {"key":"DetailedChargeState","value":{"stringValue":"DetailedChargeStateCharging"}},
                      {"key":"Gear","value":{"stringValue":"P"}}]}""".formatted(vin, Instant.now()));

            await().atMost(Duration.ofSeconds(10)).until(() -> !published(vin).isEmpty());
            CanonicalVehicleUpdateV1 update = published(vin).getFirst();
            assertThat(update.vin()).isEqualTo(vin);
            assertThat(update.stateOfChargePercent()).isEqualTo(77.5);
            assertThat(update.odometerKm()).isCloseTo(160.934, org.assertj.core.data.Offset.offset(0.001));
            assertThat(update.chargingState()).isEqualTo(CanonicalVehicleUpdateV1.ChargingState.CHARGING);
            assertThat(update.pluggedIn()).isTrue();
            assertThat(update.attributes()).containsEntry("Gear", "P");
        }
    }

    @Test
    void nothingIsAcknowledgedWhileTheBrokerIsDownAndNothingAcknowledgedIsLost() {
        String device = "gps-" + UUID.randomUUID();
        try (Provider provider = new Provider("generic-gps", "token-of-fleet-a")) {
            try {
                TestServers.rabbitmq().cut();
                provider.send(generic("d-1", device, Instant.now(), 33, null));
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> !provider.acked().contains("d-1"));
            } finally {
                TestServers.rabbitmq().restore();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.acked().contains("d-1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> published(device).size() == 1);
        }
        // the next test starts on a service that has finished recovering its broker connection
        await().atMost(Duration.ofSeconds(60)).until(this::ready);
    }

    private boolean ready() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request =
                    HttpRequest.newBuilder(base.resolve("/q/health/ready")).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
    }
}
