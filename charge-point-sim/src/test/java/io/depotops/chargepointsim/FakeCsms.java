package io.depotops.chargepointsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A CSMS stood in by a plain Vert.x websocket server, scripted per test: refuse the next
 * handshakes with a status, answer boots Pending, leave a CALL unanswered once, drop every socket,
 * send CALLs to a charger; it records every frame it receives.
 */
final class FakeCsms implements AutoCloseable {

    record Received(String chargePointId, JsonNode frame, long atNanos) {
        String action() {
            return frame.path(2).asText();
        }

        String messageId() {
            return frame.path(1).asText();
        }
    }

    record Handshake(String chargePointId, String authorization, String subprotocol, long atNanos) {}

    final Queue<Integer> refusals = new ConcurrentLinkedQueue<>();
    final Queue<String[]> bootAnswers = new ConcurrentLinkedQueue<>();
    final Set<String> leaveUnansweredOnce = ConcurrentHashMap.newKeySet();
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    final Map<String, ServerWebSocket> sockets = new ConcurrentHashMap<>();
    volatile int acceptedInterval = 300;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    FakeCsms() throws Exception {
        server = vertx.createHttpServer(
                        new HttpServerOptions().setWebSocketSubProtocols(List.of("ocpp2.0.1", "ocpp1.6")))
                .requestHandler(request -> {
                    String id = request.path().substring(request.path().lastIndexOf('/') + 1);
                    Integer refusal = refusals.poll();
                    if (refusal != null) {
                        handshakes.add(new Handshake(id, null, null, System.nanoTime()));
                        request.response().setStatusCode(refusal).end();
                        return;
                    }
                    String authorization = request.getHeader("Authorization");
                    request.toWebSocket().onSuccess(socket -> {
                        handshakes.add(new Handshake(id, authorization, socket.subProtocol(), System.nanoTime()));
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
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ocpp/");
    }

    private void onFrame(String id, ServerWebSocket socket, String text) {
        JsonNode frame = Frames.parse(text);
        received.add(new Received(id, frame, System.nanoTime()));
        if (!Frames.isCall(frame)) {
            return;
        }
        String action = frame.path(2).asText();
        if (leaveUnansweredOnce.remove(action)) {
            return;
        }
        String payload = switch (action) {
            case "BootNotification" -> {
                String[] answer = bootAnswers.poll();
                yield answer == null
                        ? boot("Accepted", acceptedInterval)
                        : boot(answer[0], Integer.parseInt(answer[1]));
            }
            case "Heartbeat" -> "{\"currentTime\":\"" + Instant.now() + "\"}";
            case "StartTransaction" -> "{\"transactionId\":7,\"idTagInfo\":{\"status\":\"Accepted\"}}";
            default -> "{}";
        };
        socket.writeTextMessage(Frames.callResult(frame.path(1).asText(), payload));
    }

    private static String boot(String status, int interval) {
        return "{\"status\":\"" + status + "\",\"interval\":" + interval + ",\"currentTime\":\"" + Instant.now()
                + "\"}";
    }

    /** The next frame this CSMS received with this action (CALLs) or of this type. */
    Received next(String action) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            Received frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null
                    && (frame.action().equals(action)
                            || frame.frame().path(0).asText().equals(action))) {
                return frame;
            }
        }
        throw new AssertionError("the CSMS received no " + action);
    }

    void sendCall(String chargePointId, String frame) throws InterruptedException {
        awaitSocket(chargePointId).writeTextMessage(frame);
    }

    /** The charger's socket; the client may see the upgrade answered before this side has it. */
    ServerWebSocket awaitSocket(String chargePointId) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            ServerWebSocket socket = sockets.get(chargePointId);
            if (socket != null) {
                return socket;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no socket of " + chargePointId + " at the CSMS");
    }

    /** Closes every socket at once, as a CSMS restart does. */
    void dropAll() {
        sockets.values().forEach(socket -> socket.close((short) 1012));
        sockets.clear();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
