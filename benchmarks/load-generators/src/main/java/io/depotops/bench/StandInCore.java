package io.depotops.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers manage-core's registry feed (the internal endpoints connect reads, ADR 0010) so that a
 * benchmark measures manage-connect alone and does not share the machine's cores with a real core:
 * every charger asked for is registered with the benchmark's password; the feed itself is empty,
 * so each charger costs connect one miss-path request, once.
 */
final class StandInCore implements AutoCloseable {

    private static final String WORKSPACE =
            UUID.nameUUIDFromBytes("bench".getBytes(StandardCharsets.UTF_8)).toString();

    private final HttpServer server;
    private final String verifier;
    private final AtomicLong requests = new AtomicLong();

    StandInCore(int port, String password) throws IOException {
        verifier = verifierOf(password);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/internal/v1/registry/", this::answer);
        server.start();
    }

    long requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String body;
        if (path.endsWith("/changes")) {
            body = "{\"entries\":[],\"head\":1}";
        } else if (path.contains("/chargers/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            body = "{\"seq\":2,\"kind\":\"CHARGER\",\"workspaceId\":\"" + WORKSPACE + "\",\"key\":\"" + id
                    + "\",\"removed\":false,\"ocppVersion\":\"1.6\",\"securityProfile\":1,\"passwordVerifier\":\""
                    + verifier + "\"}";
        } else if (path.contains("/id-tokens/")) {
            String token = path.substring(path.lastIndexOf('/') + 1);
            body = "{\"seq\":2,\"kind\":\"ID_TOKEN\",\"workspaceId\":\"" + WORKSPACE + "\",\"key\":\"" + token
                    + "\",\"removed\":false}";
        } else {
            body = null;
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The verifier format of core's registry (salted SHA-256, platform-service ChargerPasswords). */
    private static String verifierOf(String password) {
        try {
            byte[] salt = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            byte[] hash = digest.digest(password.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
            return "sha256$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
