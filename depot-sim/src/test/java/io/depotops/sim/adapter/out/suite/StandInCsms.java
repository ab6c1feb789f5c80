package io.depotops.sim.adapter.out.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * connect's OCPP side stood in by a Vert.x websocket server that accepts every charger, answers
 * every CALL as a CSMS would (boot Accepted, a transaction id for 1.6), records what it received,
 * and can send a CALL of its own. Real core and connect are exercised by system-tests.
 */
final class StandInCsms implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String chargePointId, String action, JsonNode payload) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> handshakes = new CopyOnWriteArrayList<>();
    final Map<String, ServerWebSocket> sockets = new ConcurrentHashMap<>();
    final List<JsonNode> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger transactions = new AtomicInteger(100);
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    StandInCsms() throws Exception {
        server = vertx.createHttpServer(
                        new HttpServerOptions().setWebSocketSubProtocols(List.of("ocpp2.0.1", "ocpp1.6")))
                .requestHandler(request -> {
                    String id = request.path().substring(request.path().lastIndexOf('/') + 1);
                    request.toWebSocket().onSuccess(socket -> {
                        handshakes.add(id + " " + request.getHeader("Authorization"));
                        sockets.put(id, socket);
                        socket.textMessageHandler(text -> onFrame(id, socket, text));
                    });
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ocpp");
    }

    private void onFrame(String id, ServerWebSocket socket, String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        if (frame.path(0).asInt() != 2) {
            answers.add(frame);
            return;
        }
        String action = frame.path(2).asText();
        received.add(new Received(id, action, frame.path(3)));
        String payload = switch (action) {
            case "BootNotification" ->
                "{\"status\":\"Accepted\",\"interval\":300,\"currentTime\":\"" + Instant.now() + "\"}";
            case "Heartbeat" -> "{\"currentTime\":\"" + Instant.now() + "\"}";
            case "StartTransaction" ->
                "{\"transactionId\":" + transactions.incrementAndGet() + ",\"idTagInfo\":{\"status\":\"Accepted\"}}";
            case "StopTransaction" -> "{\"idTagInfo\":{\"status\":\"Accepted\"}}";
            default -> "{}";
        };
        socket.writeTextMessage("[3," + JSON.valueToTree(frame.path(1).asText()) + "," + payload + "]");
    }

    List<Received> of(String chargePointId, String action) {
        return received.stream()
                .filter(r ->
                        r.chargePointId().equals(chargePointId) && r.action().equals(action))
                .toList();
    }

    void call(String chargePointId, String action, String payloadJson) {
        sockets.get(chargePointId).writeTextMessage("[2,\"csms-1\",\"" + action + "\"," + payloadJson + "]");
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
