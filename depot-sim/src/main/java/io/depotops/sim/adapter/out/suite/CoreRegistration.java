package io.depotops.sim.adapter.out.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.sim.application.port.DepotSuite;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.config.VehicleGroup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's depot, site (the site tree's root, with its limit as grid capacity), chargers (security
 * profile 1, the run's password) and vehicles (their id tags) registered through core's REST API
 * with the caller's token, as an admin would; each created resource is remembered with its ETag so
 * that it can be removed at the end ({@code DELETE} with {@code If-Match}), newest first.
 */
final class CoreRegistration {

    private static final int IN_FLIGHT = 16;
    private static final String VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private record Created(String path, String etag) {}

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI coreUrl;
    private final DepotSuite.Target target;
    private final List<Created> created = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger removed = new AtomicInteger();
    private final List<String> notRemoved = Collections.synchronizedList(new ArrayList<>());

    CoreRegistration(HttpClient http, ObjectMapper json, URI coreUrl, DepotSuite.Target target) {
        this.http = http;
        this.json = json;
        this.coreUrl = coreUrl;
        this.target = target;
    }

    private volatile String siteId;

    /** Core's id of the run's site (once registered). */
    String siteId() {
        return siteId;
    }

    int registered() {
        return created.size();
    }

    int removed() {
        return removed.get();
    }

    /** What core refused to remove, with its answer (core keeps chargers and vehicles that charged: 409). */
    List<String> notRemoved() {
        return List.copyOf(notRemoved);
    }

    /** Registers everything; on the first refusal removes what it made and throws. */
    void register(SimulationConfig config, OcppIds ids) {
        try {
            ObjectNode depot = json.createObjectNode();
            depot.put("name", config.name() + " (" + ids.prefix() + ")");
            depot.put("timeZone", config.zone().getId());
            String depotId = post("/depots", depot).path("id").asText();
            ObjectNode site = json.createObjectNode();
            site.put("depotId", depotId);
            site.put(
                    "name",
                    config.site().name() == null
                            ? config.site().id()
                            : config.site().name());
            site.put("gridCapacityKw", config.site().limitKw());
            String siteId = post("/sites", site).path("id").asText();
            this.siteId = siteId;

            List<ObjectNode> bodies = new ArrayList<>();
            for (SimulationConfig.ChargerSpec charger : config.chargerSpecs()) {
                ObjectNode body = json.createObjectNode();
                body.put("siteId", siteId);
                body.put("chargePointId", ids.chargePoint(charger.id()));
                body.put("vendor", "depot-sim");
                body.put(
                        "model",
                        charger.group().current() + "-"
                                + Math.round(charger.group().maxPowerKw()));
                body.put("ocppVersion", "1.6J".equals(charger.group().ocppVersion()) ? "1.6" : "2.0.1");
                body.put("securityProfile", 1);
                body.put("password", target.chargerPassword());
                body.put("maxPowerKw", charger.group().maxPowerKw());
                var connectors = body.putArray("connectors");
                for (int c = 1; c <= charger.group().connectorCount(); c++) {
                    ObjectNode connector = connectors.addObject();
                    connector.put("evseId", c);
                    connector.put("connectorId", "1.6J".equals(charger.group().ocppVersion()) ? c : 1);
                    connector.put("type", charger.group().isDc() ? "CCS2" : "Type2");
                    connector.put("maxPowerKw", charger.group().maxPowerKw());
                }
                bodies.add(body);
            }
            postAll("/chargers", bodies);

            bodies.clear();
            for (SimulationConfig.VehicleSpec vehicle : config.vehicleSpecs()) {
                VehicleGroup group = vehicle.group();
                ObjectNode body = json.createObjectNode();
                body.put("depotId", depotId);
                body.put("vin", vin(ids.prefix() + vehicle.id()));
                body.put("fleetNumber", ids.prefix() + vehicle.id());
                body.put("batteryKwh", group.batteryKwh());
                if (group.maxPowerKw(true) > 0) {
                    body.put("maxDcKw", group.maxPowerKw(true));
                }
                if (group.maxPowerKw(false) > 0) {
                    body.put("maxAcKw", group.maxPowerKw(false));
                }
                body.put("idTag", ids.idTag(vehicle.id()));
                if (target.streamsTelematics()) {
                    // The device id the run's telematics stream reports the vehicle under.
                    body.put("telematicsProvider", target.telematicsProvider());
                    body.put("telematicsDeviceId", ids.prefix() + vehicle.id());
                }
                bodies.add(body);
            }
            postAll("/vehicles", bodies);
        } catch (RuntimeException e) {
            removeAll();
            throw e;
        }
    }

    /** Removes what was registered, newest first (vehicles and chargers before their depot). */
    void removeAll() {
        List<Created> toRemove;
        synchronized (created) {
            toRemove = new ArrayList<>(created);
            created.clear();
        }
        Collections.reverse(toRemove);
        for (Created resource : toRemove) {
            try {
                HttpResponse<String> response = http.send(
                        request(resource.path())
                                .header("If-Match", resource.etag())
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 204 || response.statusCode() == 404) {
                    removed.incrementAndGet();
                } else if (response.statusCode() == 409) {
                    // Core keeps what its charging transactions reference (their history): a
                    // charger or vehicle that charged, and so its site and depot.
                    notRemoved.add(resource.path() + ": 409 kept by core (referenced by charging history)");
                } else {
                    notRemoved.add(resource.path() + ": " + response.statusCode());
                }
            } catch (IOException e) {
                notRemoved.add(resource.path() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void postAll(String path, List<ObjectNode> bodies) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<JsonNode>> posts = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ObjectNode body : bodies) {
                inFlight.acquireUninterruptibly();
                posts.add(CompletableFuture.supplyAsync(() -> post(path, body), pool)
                        .whenComplete((r, e) -> inFlight.release()));
            }
        }
        for (CompletableFuture<JsonNode> post : posts) {
            try {
                post.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    private JsonNode post(String path, ObjectNode body) {
        String base = "/api/v1/workspaces/" + target.workspaceId() + path;
        try {
            HttpResponse<String> response = http.send(
                    request(base)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "core refused POST " + base + ": " + response.statusCode() + " " + abbreviate(response.body()));
            }
            JsonNode answer = json.readTree(response.body());
            created.add(new Created(
                    base + "/" + answer.path("id").asText(),
                    response.headers().firstValue("ETag").orElse("*")));
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("core unreachable at " + coreUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(coreUrl.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + target.token());
    }

    /** A valid VIN (no I, O, Q), the same for the same text. */
    static String vin(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder vin = new StringBuilder(17);
            for (int i = 0; i < 17; i++) {
                vin.append(VIN_CHARACTERS.charAt(Math.floorMod(hash[i], VIN_CHARACTERS.length())));
            }
            return vin.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
