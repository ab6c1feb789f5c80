package io.depotops.connect.ocpp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.depotops.chargepointsim.Frames;
import io.depotops.platform.secrets.ChargerPasswords;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * manage-core's registry feed (ADR 0010) stood in on a random port. By default core knows every
 * charger asked for by id (the miss path), with password {@value #PASSWORD}, security profile 2
 * for ids starting {@code TLS} and 1 otherwise, in workspace {@link #WORKSPACE} ({@link
 * #OTHER_WORKSPACE} for ids starting {@code OTHERWS-}) — except ids ending {@code -UNKNOWN}; and every id token, except those containing {@code UNKNOWN} or {@code BADTAG}.
 * Tests put entries into the feed itself ({@link #register}, {@link #remove}), take core away
 * ({@link #down}) and read what connect asked ({@link #requests}). Calls without a bearer token are
 * refused (401), as core's internal listener does.
 */
public class CoreStub implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "secret-charger-password";
    static final UUID WORKSPACE = UUID.fromString("6f1c2a4e-0b8e-4a43-9a9e-3f0f5d6a7b10");
    /** The workspace of chargers whose id starts {@code OTHERWS-}. */
    static final UUID OTHER_WORKSPACE = UUID.fromString("0b7e4d1c-5f2a-4c6e-8d9b-1a2b3c4d5e6f");

    private static final String BASE = "/internal/v1/registry";
    private static final String VERIFIER = ChargerPasswords.verifierOf(PASSWORD);

    /** One request connect made: its path (decoded) and Authorization header. */
    record Request(String path, String authorization) {}

    private static HttpServer server;
    private static final List<ObjectNode> feed = new CopyOnWriteArrayList<>();
    private static final AtomicLong head = new AtomicLong(1000);
    private static final List<Request> requests = new CopyOnWriteArrayList<>();
    private static volatile boolean down;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(BASE, CoreStub::handle);
        server.start();
        return Map.of(
                "quarkus.rest-client.core.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Registers (or changes) a charger in core's feed; returns the change's sequence. */
    static synchronized long register(String chargePointId, String password, int securityProfile) {
        return append(charger(chargePointId, ChargerPasswords.verifierOf(password), securityProfile));
    }

    /** Adds an id token (a vehicle's tag) of {@link #WORKSPACE} to core's feed; returns the sequence. */
    static synchronized long registerToken(String idToken) {
        ObjectNode entry = entry("ID_TOKEN", idToken);
        entry.put(
                "vehicleId",
                UUID.nameUUIDFromBytes(idToken.getBytes(StandardCharsets.UTF_8)).toString());
        return append(entry);
    }

    /** Removes a charger from core's feed; returns the change's sequence. */
    static synchronized long remove(String chargePointId) {
        ObjectNode removal = entry("CHARGER", chargePointId);
        removal.put("removed", true);
        return append(removal);
    }

    /** Core answers nothing (connection refused-like 503s) while down. */
    static void down(boolean isDown) {
        down = isDown;
    }

    static List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The miss-path requests connect made for one charger. */
    static List<Request> asked(String chargePointId) {
        return requests.stream()
                .filter(request -> request.path().equals(BASE + "/chargers/" + chargePointId))
                .toList();
    }

    private static long append(ObjectNode entry) {
        long seq = head.incrementAndGet();
        entry.put("seq", seq);
        feed.removeIf(existing ->
                existing.get("kind").asText().equals(entry.get("kind").asText())
                        && existing.get("key").asText().equals(entry.get("key").asText()));
        feed.add(entry);
        return seq;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(path, authorization));
        if (down) {
            respond(exchange, 503, "{}");
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            respond(exchange, 401, "{}");
            return;
        }
        String rest = path.substring(BASE.length());
        if (rest.equals("/changes")) {
            respond(exchange, 200, changes(query(exchange, "after"), query(exchange, "limit")));
        } else if (rest.startsWith("/chargers/")) {
            String id = rest.substring("/chargers/".length());
            ObjectNode entry = inFeed("CHARGER", id);
            if (entry == null && id.endsWith("-UNKNOWN")) {
                respond(exchange, 404, "{}");
            } else {
                respond(exchange, 200, (entry != null ? entry : defaultCharger(id)).toString());
            }
        } else if (rest.startsWith("/id-tokens/")) {
            String token = rest.substring(rest.lastIndexOf('/') + 1);
            if (token.contains("UNKNOWN") || token.contains("BADTAG")) {
                respond(exchange, 404, "{}");
            } else {
                ObjectNode entry = entry("ID_TOKEN", token);
                entry.put("seq", head.get() + 1);
                entry.put(
                        "vehicleId",
                        UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8))
                                .toString());
                respond(exchange, 200, entry.toString());
            }
        } else {
            respond(exchange, 404, "{}");
        }
    }

    private static String changes(long after, long limit) {
        long current = head.get();
        ArrayNode entries = Frames.JSON.createArrayNode();
        List<ObjectNode> ordered = new ArrayList<>(feed);
        ordered.sort((a, b) -> Long.compare(a.get("seq").asLong(), b.get("seq").asLong()));
        ordered.stream()
                .filter(entry ->
                        entry.get("seq").asLong() > after && entry.get("seq").asLong() <= current)
                .limit(limit)
                .forEach(entries::add);
        ObjectNode page = Frames.JSON.createObjectNode();
        page.set("entries", entries);
        page.put("head", current);
        return page.toString();
    }

    private static ObjectNode inFeed(String kind, String key) {
        return feed.stream()
                .filter(entry -> entry.get("kind").asText().equals(kind)
                        && entry.get("key").asText().equals(key))
                .findFirst()
                .orElse(null);
    }

    /** What core answers the miss path for a charger it knows although the feed did not say so. */
    private static ObjectNode defaultCharger(String chargePointId) {
        ObjectNode entry = charger(chargePointId, VERIFIER, chargePointId.startsWith("TLS") ? 2 : 1);
        entry.put("seq", head.get() + 1);
        return entry;
    }

    private static ObjectNode charger(String chargePointId, String verifier, int securityProfile) {
        ObjectNode entry = entry("CHARGER", chargePointId);
        if (chargePointId.startsWith("OTHERWS-")) {
            entry.put("workspaceId", OTHER_WORKSPACE.toString());
        }
        entry.put("ocppVersion", "1.6");
        entry.put("securityProfile", securityProfile);
        entry.put("passwordVerifier", verifier);
        return entry;
    }

    private static ObjectNode entry(String kind, String key) {
        ObjectNode entry = Frames.JSON.createObjectNode();
        entry.put("kind", kind);
        entry.put("workspaceId", WORKSPACE.toString());
        entry.put("key", key);
        entry.put("removed", false);
        return entry;
    }

    private static long query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Long.parseLong(pair.substring(name.length() + 1));
                }
            }
        }
        return name.equals("limit") ? 500 : 0;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
