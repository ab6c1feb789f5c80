package io.depotops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Registers a benchmark's chargers in core as a user does, through core's API with a token: a
 * workspace, depot and site named after the fleet (found again on the next run), then every charger
 * of the fleet that is not registered yet, with its password, many requests in flight (core hashes
 * each password, so this is CPU-bound in core). Prints how long it took.
 */
final class FleetRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI core;
    private final String jwt;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    FleetRegistration(URI core, String jwt) {
        this.core = core;
        this.jwt = jwt;
    }

    record Place(String workspaceId, String siteId) {}

    /** The fleet's workspace and site, created when missing. */
    Place place(String fleet) throws Exception {
        String name = "charger fleet " + fleet;
        String workspace = null;
        for (JsonNode ws : items(get("/api/v1/workspaces?limit=500"))) {
            if (ws.path("name").asText().equals(name)) {
                workspace = ws.path("id").asText();
            }
        }
        if (workspace == null) {
            workspace = post("/api/v1/workspaces", "{\"name\":\"" + name + "\"}")
                    .path("id")
                    .asText();
        }
        String base = "/api/v1/workspaces/" + workspace;
        JsonNode sites = items(get(base + "/sites?limit=1"));
        if (sites.size() > 0) {
            return new Place(workspace, sites.get(0).path("id").asText());
        }
        String depot = post(base + "/depots", "{\"name\":\"Fleet depot\",\"timeZone\":\"Europe/Berlin\"}")
                .path("id")
                .asText();
        String site = post(
                        base + "/sites", "{\"depotId\":\"" + depot + "\",\"name\":\"Grid\",\"gridCapacityKw\":100000}")
                .path("id")
                .asText();
        return new Place(workspace, site);
    }

    /** Registers chargers {@code <fleet>-1..count} not registered yet; returns how many are missing after. */
    long registerMissing(Place place, String fleet, int count, String password, String ocppVersion, int parallel)
            throws Exception {
        String base = "/api/v1/workspaces/" + place.workspaceId() + "/chargers";
        Set<String> known = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = get(base + "?limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            items(page)
                    .forEach(charger -> known.add(charger.path("chargePointId").asText()));
            cursor = page.path("nextCursor").isTextual()
                    ? page.path("nextCursor").asText()
                    : null;
        } while (cursor != null);

        Semaphore inFlight = new Semaphore(parallel);
        LongAdder created = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        int missing = 0;
        for (int i = 1; i <= count; i++) {
            String id = fleet + "-" + i;
            if (known.contains(id)) {
                continue;
            }
            missing++;
            inFlight.acquire();
            String body = "{\"siteId\":\"" + place.siteId() + "\",\"chargePointId\":\"" + id
                    + "\",\"ocppVersion\":\"" + ocppVersion + "\",\"securityProfile\":1,\"password\":\"" + password
                    + "\",\"maxPowerKw\":150,\"connectors\":[{\"evseId\":1,\"connectorId\":1,"
                    + "\"type\":\"CCS2\",\"maxPowerKw\":150}]}";
            http.sendAsync(
                            request(base)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 201) {
                            created.increment();
                        } else {
                            failed.increment();
                            firstFailure.compareAndSet(
                                    null,
                                    error != null ? error.toString() : response.statusCode() + " " + response.body());
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(parallel);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "registration: %,d of %,d chargers already in core; registered %,d in %.1f s (%.0f/s, %d in flight),"
                        + " %,d failed%s%n",
                count - missing,
                count,
                created.sum(),
                seconds,
                created.sum() / Math.max(seconds, 0.001),
                parallel,
                failed.sum(),
                firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")");
        return failed.sum();
    }

    private static JsonNode items(JsonNode page) {
        return page.has("items") ? page.get("items") : page;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(core.resolve(path))
                .header("Authorization", "Bearer " + jwt)
                .header("Content-Type", "application/json");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build(), 200);
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(
                request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
    }

    private JsonNode send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(
                    request.method() + " " + request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
