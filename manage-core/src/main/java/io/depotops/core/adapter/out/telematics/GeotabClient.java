package io.depotops.core.adapter.out.telematics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.Position;
import io.depotops.core.adapter.CanonicalUpdates;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.application.port.TelematicsProviderClient;
import io.depotops.core.domain.ProviderCredentials;
import io.depotops.core.domain.ProviderKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MyGeotab JSON-RPC ({@code POST <server>/apiv1}): {@code Authenticate} once per account (the
 * session is kept and renewed once when the server answers InvalidUserException), then {@code
 * GetFeed} of {@code StatusData} (state of charge, odometer) and {@code LogRecord} (positions),
 * each from its own {@code fromVersion}; the cursor holds both {@code toVersion}s. A feed is caught
 * up when it returns fewer than {@code resultsLimit} records. Per device, a page becomes one
 * canonical update with the newest value of each measurement.
 */
@ApplicationScoped
class GeotabClient implements TelematicsProviderClient {

    static final String STATE_OF_CHARGE = "DiagnosticStateOfChargeId";
    static final String ODOMETER = "DiagnosticOdometerId";
    static final String ODOMETER_ADJUSTMENT = "DiagnosticOdometerAdjustmentId";
    private static final String INVALID_USER = "InvalidUserException";
    private static final List<String> FEEDS = List.of("StatusData", "LogRecord");

    /** An authenticated session: the credentials object Geotab returned and the server to call. */
    private record Session(ProviderCredentials for_, JsonNode credentials, URI endpoint) {}

    private final ProviderHttp http;
    private final ObjectMapper json;
    private final int resultsLimit;
    private final Duration firstPollLookback;
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    GeotabClient(
            ProviderHttp http,
            ObjectMapper json,
            @ConfigProperty(name = "depotops.telematics.poll.geotab.results-limit", defaultValue = "5000")
                    int resultsLimit,
            @ConfigProperty(name = "depotops.telematics.poll.geotab.first-poll-lookback", defaultValue = "PT1H")
                    Duration firstPollLookback) {
        this.http = http;
        this.json = json;
        this.resultsLimit = resultsLimit;
        this.firstPollLookback = firstPollLookback;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GEOTAB;
    }

    @Override
    public FeedPage fetch(Connection connection, String cursor) {
        Map<String, String> versions = versions(cursor);
        Map<String, String> nextVersions = new LinkedHashMap<>(versions);
        Map<String, DeviceState> devices = new LinkedHashMap<>();
        boolean hasMore = false;
        for (String typeName : FEEDS) {
            JsonNode result = getFeed(connection, typeName, versions.get(typeName));
            JsonNode data = result.path("data");
            for (JsonNode record : data) {
                String device = record.path("device").path("id").asText(null);
                if (device != null) {
                    devices.computeIfAbsent(device, DeviceState::new).add(typeName, record);
                }
            }
            if (result.hasNonNull("toVersion")) {
                nextVersions.put(typeName, result.get("toVersion").asText());
            }
            hasMore |= data.size() >= resultsLimit;
        }
        List<IncomingUpdate> updates = new ArrayList<>();
        String workspaceId = connection.workspaceId().toString();
        for (DeviceState device : devices.values()) {
            CanonicalVehicleUpdateV1 update = device.toCanonical(workspaceId);
            if (update != null) {
                updates.add(CanonicalUpdates.toIncoming(update));
            }
        }
        return new FeedPage(updates, cursor(nextVersions), hasMore);
    }

    private JsonNode getFeed(Connection connection, String typeName, String fromVersion) {
        ObjectNode params = json.createObjectNode();
        params.put("typeName", typeName);
        params.put("resultsLimit", resultsLimit);
        if (fromVersion != null) {
            params.put("fromVersion", fromVersion);
        } else {
            // Without a version the feed would start at the database's beginning.
            params.putObject("search")
                    .put("fromDate", Instant.now().minus(firstPollLookback).toString());
        }
        return call(connection, "GetFeed", params, true);
    }

    private JsonNode call(Connection connection, String method, ObjectNode params, boolean mayReauthenticate) {
        Session session = session(connection);
        ObjectNode withCredentials = params.deepCopy();
        withCredentials.set("credentials", session.credentials());
        JsonNode answer = post(session.endpoint(), method, withCredentials);
        if (answer.has("error")) {
            String error = errorName(answer.get("error"));
            if (INVALID_USER.equals(error) && mayReauthenticate) {
                sessions.remove(connection.accountId());
                return call(connection, method, params, false);
            }
            throw refusal(answer.get("error"), error);
        }
        return answer.path("result");
    }

    private Session session(Connection connection) {
        Session current = sessions.get(connection.accountId());
        if (current != null && current.for_().equals(connection.credentials())) {
            return current;
        }
        ProviderCredentials c = connection.credentials();
        ObjectNode params = json.createObjectNode()
                .put("database", c.database())
                .put("userName", c.userName())
                .put("password", c.password());
        URI endpoint = URI.create(SamsaraClient.trimSlash(connection.baseUrl().toString()) + "/apiv1");
        JsonNode answer = post(endpoint, "Authenticate", params);
        if (answer.has("error")) {
            throw refusal(answer.get("error"), errorName(answer.get("error")));
        }
        JsonNode result = answer.path("result");
        String path = result.path("path").asText("ThisServer");
        // The database may live on another server; Authenticate names it in "path".
        URI server = "ThisServer".equals(path) || path.isBlank() ? endpoint : URI.create("https://" + path + "/apiv1");
        Session session = new Session(c, result.path("credentials"), server);
        sessions.put(connection.accountId(), session);
        return session;
    }

    private JsonNode post(URI endpoint, String method, ObjectNode params) {
        ObjectNode body = json.createObjectNode().put("method", method);
        body.set("params", params);
        try {
            byte[] answer = http.send(
                    http.request(endpoint)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                            .build(),
                    "Geotab");
            return json.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new ProviderCallException("Geotab answered unreadable JSON", null);
        } catch (IOException e) {
            throw new ProviderCallException("Geotab answered unreadable JSON", null);
        }
    }

    /** The exception name of a JSON-RPC error: {@code errors[0].name}, else {@code data.type}. */
    static String errorName(JsonNode error) {
        JsonNode first = error.path("errors").path(0);
        if (first.hasNonNull("name")) {
            return first.get("name").asText();
        }
        return error.path("data").path("type").asText(error.path("name").asText("error"));
    }

    private static ProviderCallException refusal(JsonNode error, String name) {
        return new ProviderCallException(
                "Geotab " + name + ": "
                        + error.path("message")
                                .asText(error.path("errors")
                                        .path(0)
                                        .path("message")
                                        .asText("")),
                null);
    }

    private Map<String, String> versions(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> versions = new LinkedHashMap<>();
            json.readTree(cursor)
                    .properties()
                    .forEach(e -> versions.put(e.getKey(), e.getValue().asText()));
            return versions;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String cursor(Map<String, String> versions) {
        try {
            return versions.isEmpty() ? null : json.writeValueAsString(versions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a page says about one device: the newest record of each measurement. */
    private static final class DeviceState {

        private final String deviceId;
        private JsonNode stateOfCharge;
        private JsonNode odometer;
        private JsonNode position;

        DeviceState(String deviceId) {
            this.deviceId = deviceId;
        }

        void add(String typeName, JsonNode record) {
            if ("LogRecord".equals(typeName)) {
                position = newer(position, record);
                return;
            }
            String diagnostic = record.path("diagnostic").path("id").asText("");
            if (STATE_OF_CHARGE.equals(diagnostic)) {
                stateOfCharge = newer(stateOfCharge, record);
            } else if (ODOMETER.equals(diagnostic) || ODOMETER_ADJUSTMENT.equals(diagnostic)) {
                odometer = newer(odometer, record);
            }
        }

        CanonicalVehicleUpdateV1 toCanonical(String workspaceId) {
            Instant observedAt = SamsaraClient.latest(time(stateOfCharge), time(odometer), time(position));
            if (observedAt == null) {
                return null;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("source", "poll");
            Double soc =
                    stateOfCharge == null ? null : stateOfCharge.path("data").asDouble();
            if (soc != null && (soc < 0 || soc > 100)) {
                attributes.put("invalidStateOfChargePercent", soc);
                soc = null;
            }
            String updateId = "geotab:" + deviceId + ":" + observedAt.toEpochMilli() + ":"
                    + (stateOfCharge == null ? "" : "s") + (odometer == null ? "" : "o")
                    + (position == null ? "" : "p");
            return new CanonicalVehicleUpdateV1(
                    updateId,
                    workspaceId,
                    ProviderKind.GEOTAB.providerName(),
                    deviceId,
                    null,
                    observedAt,
                    soc,
                    // Geotab reports distances in metres.
                    odometer == null ? null : odometer.path("data").asDouble() / 1000.0,
                    position == null || !position.hasNonNull("latitude")
                            ? null
                            : new Position(
                                    position.get("latitude").asDouble(),
                                    position.get("longitude").asDouble(),
                                    null),
                    position == null || !position.hasNonNull("speed")
                            ? null
                            : position.get("speed").asDouble(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    attributes);
        }

        private static JsonNode newer(JsonNode current, JsonNode candidate) {
            Instant at = time(candidate);
            return at != null && (current == null || at.isAfter(time(current))) ? candidate : current;
        }

        private static Instant time(JsonNode record) {
            if (record == null || !record.hasNonNull("dateTime")) {
                return null;
            }
            try {
                return Instant.parse(record.get("dateTime").asText());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }
}
