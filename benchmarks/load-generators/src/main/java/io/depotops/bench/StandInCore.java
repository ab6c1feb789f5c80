package io.depotops.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers manage-core's core-link endpoints with instant acceptances, so that a benchmark measures
 * manage-connect alone and does not share the machine's cores with a real core. Boots get core's
 * default heartbeat interval (300 s), so the chargers' own heartbeats add no load to a benchmark.
 */
final class StandInCore implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong transactionIds = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    StandInCore(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/internal/v1/core-link/", this::answer);
        server.start();
    }

    long requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String body = switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "handshake" -> "{\"accepted\":true}";
            case "boot" ->
                "{\"status\":\"Accepted\",\"intervalSeconds\":300,\"currentTime\":\"" + Instant.now() + "\"}";
            case "authorize" -> "{\"status\":\"Accepted\"}";
            case "transactions" ->
                "{\"transactionId\":" + transactionIds.incrementAndGet()
                        + ",\"authorization\":{\"status\":\"Accepted\"}}";
            default -> null;
        };
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
