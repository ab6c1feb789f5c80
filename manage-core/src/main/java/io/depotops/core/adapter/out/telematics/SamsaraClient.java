package io.depotops.core.adapter.out.telematics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1;
import io.depotops.contracts.telematics.CanonicalVehicleUpdateV1.Position;
import io.depotops.core.adapter.CanonicalUpdates;
import io.depotops.core.application.TelematicsIngestService.IncomingUpdate;
import io.depotops.core.application.port.TelematicsProviderClient;
import io.depotops.core.domain.ProviderKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samsara's vehicle stats feed: {@code GET /fleet/vehicles/stats/feed?types=...&after=cursor} with
 * a Bearer token; {@code pagination.endCursor} is the next {@code after}, {@code hasNextPage} false
 * once caught up. Each vehicle of a page becomes one canonical update holding the newest value of
 * each stat (so a snapshot never loses the SoC to a later GPS-only point).
 */
@ApplicationScoped
class SamsaraClient implements TelematicsProviderClient {

    static final String TYPES = "gps,obdOdometerMeters,evStateOfChargeMilliPercent";
    private static final double KMH_PER_MPH = 1.609344;

    private final ProviderHttp http;
    private final ObjectMapper json;

    SamsaraClient(ProviderHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.SAMSARA;
    }

    @Override
    public FeedPage fetch(Connection connection, String cursor) {
        String query = "types=" + URLEncoder.encode(TYPES, StandardCharsets.UTF_8)
                + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        URI uri = URI.create(trimSlash(connection.baseUrl().toString()) + "/fleet/vehicles/stats/feed?" + query);
        byte[] body = http.send(
                http.request(uri)
                        .header(
                                "Authorization",
                                "Bearer " + connection.credentials().apiToken())
                        .GET()
                        .build(),
                "Samsara");
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (IOException e) {
            throw new ProviderCallException("Samsara answered unreadable JSON", null);
        }
        List<IncomingUpdate> updates = new ArrayList<>();
        for (JsonNode vehicle : page.path("data")) {
            CanonicalVehicleUpdateV1 update = normalise(connection.workspaceId().toString(), vehicle);
            if (update != null) {
                updates.add(CanonicalUpdates.toIncoming(update));
            }
        }
        JsonNode pagination = page.path("pagination");
        String endCursor = pagination.path("endCursor").asText(null);
        return new FeedPage(
                updates,
                endCursor == null || endCursor.isEmpty() ? cursor : endCursor,
                pagination.path("hasNextPage").asBoolean(false));
    }

    static CanonicalVehicleUpdateV1 normalise(String workspaceId, JsonNode vehicle) {
        String id = vehicle.path("id").asText(null);
        JsonNode gps = newest(vehicle.path("gps"));
        JsonNode odometer = newest(vehicle.path("obdOdometerMeters"));
        JsonNode soc = newest(vehicle.path("evStateOfChargeMilliPercent"));
        Instant observedAt = latest(time(gps), time(odometer), time(soc));
        if (id == null || observedAt == null) {
            return null;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("source", "poll");
        if (vehicle.hasNonNull("name")) {
            attributes.put("providerVehicleName", vehicle.get("name").asText());
        }
        Double socPercent = soc == null ? null : soc.path("value").asDouble() / 1000.0;
        if (socPercent != null && (socPercent < 0 || socPercent > 100)) {
            attributes.put("invalidStateOfChargeMilliPercent", soc.path("value").asDouble());
            socPercent = null;
        }
        Position position = gps == null || !gps.hasNonNull("latitude") || !gps.hasNonNull("longitude")
                ? null
                : new Position(
                        gps.get("latitude").asDouble(),
                        gps.get("longitude").asDouble(),
                        gps.hasNonNull("headingDegrees")
                                ? gps.get("headingDegrees").asDouble()
                                : null);
        Double speedKmh = gps != null && gps.hasNonNull("speedMilesPerHour")
                ? gps.get("speedMilesPerHour").asDouble() * KMH_PER_MPH
                : null;
        String vin = vehicle.path("externalIds").path("samsara.vin").asText(null);
        String updateId = "samsara:" + id + ":" + observedAt.toEpochMilli() + ":" + (gps == null ? "" : "g")
                + (odometer == null ? "" : "o") + (soc == null ? "" : "s");
        return new CanonicalVehicleUpdateV1(
                updateId,
                workspaceId,
                ProviderKind.SAMSARA.providerName(),
                id,
                vin,
                observedAt,
                socPercent,
                odometer == null ? null : odometer.path("value").asDouble() / 1000.0,
                position,
                speedKmh,
                null,
                null,
                null,
                null,
                null,
                attributes);
    }

    /** The entry with the latest {@code time} of a stat's array (the feed may hold several). */
    private static JsonNode newest(JsonNode entries) {
        JsonNode newest = null;
        Instant newestAt = null;
        for (JsonNode entry : entries) {
            Instant at = time(entry);
            if (at != null && (newestAt == null || at.isAfter(newestAt))) {
                newest = entry;
                newestAt = at;
            }
        }
        return newest;
    }

    private static Instant time(JsonNode entry) {
        if (entry == null || !entry.hasNonNull("time")) {
            return null;
        }
        try {
            return Instant.parse(entry.get("time").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant at : instants) {
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        return latest;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
