package io.depotops.telematics.adapter.in.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.depotops.telematics.domain.Observation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads provider messages into observations.
 *
 * <ul>
 *   <li>{@code generic}: depotops' documented format, an object or an array of objects with {@code
 *       messageId}, {@code deviceId}, {@code observedAt} and any of the canonical measurements in
 *       depotops' units (see the telematics README).
 *   <li>{@code fleet-telemetry}: field lists as vehicles' own telemetry streams send them: {@code
 *       vin}, {@code createdAt} and {@code data: [{key, value: {doubleValue|stringValue|
 *       booleanValue|locationValue}}]}, with imperial units (miles, mph) converted. The VIN is the
 *       device id.
 * </ul>
 */
final class StreamFormats {

    /** One message read: its id and what it said, or why it cannot be used. */
    record Parsed(String messageId, Observation observation, String error) {

        static Parsed ok(String messageId, Observation observation) {
            return new Parsed(messageId, observation, null);
        }

        static Parsed refused(String messageId, String error) {
            return new Parsed(messageId, null, error);
        }
    }

    private static final double KM_PER_MILE = 1.609344;

    private StreamFormats() {}

    static List<Parsed> parse(String format, String text, ObjectMapper json) throws java.io.IOException {
        JsonNode root = json.readTree(text);
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new java.io.IOException("a message is a JSON object or an array of objects");
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            ((ArrayNode) root).forEach(items::add);
        } else {
            items.add(root);
        }
        List<Parsed> parsed = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                parsed.add("fleet-telemetry".equals(format) ? fleetTelemetry(item) : generic(item, json));
            } catch (RuntimeException e) {
                // one message that cannot be read is refused alone
                parsed.add(Parsed.refused(
                        item.isObject() ? text(item, "messageId") : null,
                        "the message could not be read: " + e.getClass().getSimpleName()));
            }
        }
        return parsed;
    }

    private static Parsed generic(JsonNode m, ObjectMapper json) {
        String messageId = text(m, "messageId");
        if (messageId == null) {
            return Parsed.refused(null, "messageId is required");
        }
        String deviceId = text(m, "deviceId");
        if (deviceId == null) {
            return Parsed.refused(messageId, "deviceId is required");
        }
        Instant observedAt = instant(m.get("observedAt"));
        if (observedAt == null) {
            return Parsed.refused(messageId, "observedAt is required, as an ISO-8601 instant");
        }
        JsonNode position = m.get("position");
        String chargingState = text(m, "chargingState");
        if (chargingState != null
                && !List.of("NOT_CHARGING", "CHARGING", "COMPLETE", "FAULT", "UNKNOWN")
                        .contains(chargingState)) {
            return Parsed.refused(
                    messageId, "chargingState must be NOT_CHARGING, CHARGING, COMPLETE, FAULT or UNKNOWN");
        }
        Map<String, Object> attributes =
                m.has("attributes") && m.get("attributes").isObject()
                        ? json.convertValue(
                                m.get("attributes"),
                                json.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class))
                        : Map.of();
        return Parsed.ok(
                messageId,
                new Observation(
                        deviceId,
                        text(m, "vin"),
                        observedAt,
                        number(m, "stateOfChargePercent"),
                        number(m, "odometerKm"),
                        position == null ? null : number(position, "latitude"),
                        position == null ? null : number(position, "longitude"),
                        position == null ? null : number(position, "headingDegrees"),
                        number(m, "speedKmh"),
                        bool(m, "ignitionOn"),
                        bool(m, "pluggedIn"),
                        chargingState,
                        number(m, "remainingRangeKm"),
                        number(m, "batteryTemperatureC"),
                        attributes));
    }

    private static Parsed fleetTelemetry(JsonNode m) {
        String vin = text(m, "vin");
        Instant createdAt = instant(m.get("createdAt"));
        if (vin == null || createdAt == null) {
            return Parsed.refused(null, "vin and createdAt are required");
        }
        String messageId = vin + "@" + createdAt;
        Double soc = null;
        Double odometerKm = null;
        Double latitude = null;
        Double longitude = null;
        Double heading = null;
        Double speedKmh = null;
        Double rangeKm = null;
        Double batteryTemperature = null;
        String chargingState = null;
        Boolean pluggedIn = null;
        Map<String, Object> attributes = new HashMap<>();
        JsonNode data = m.get("data");
        if (data == null || !data.isArray()) {
            return Parsed.refused(messageId, "data must be a list of {key, value}");
        }
        for (JsonNode field : data) {
            String key = text(field, "key");
            JsonNode value = field.get("value");
            if (key == null || value == null) {
                continue;
            }
            switch (key) {
                case "Soc", "BatteryLevel" -> soc = number(value, "doubleValue");
                case "Odometer" -> odometerKm = miles(number(value, "doubleValue"));
                case "VehicleSpeed" -> speedKmh = miles(number(value, "doubleValue"));
                case "EstBatteryRange", "RatedRange" -> rangeKm = miles(number(value, "doubleValue"));
                case "GpsHeading" -> heading = number(value, "doubleValue");
                case "ModuleTempMax", "BatteryTemperature" -> batteryTemperature = number(value, "doubleValue");
                case "Location" -> {
                    JsonNode location = value.get("locationValue");
                    if (location != null) {
                        latitude = number(location, "latitude");
                        longitude = number(location, "longitude");
                    }
                }
                case "DetailedChargeState", "ChargeState" -> {
                    String state = text(value, "stringValue");
                    chargingState = chargingState(state);
                    pluggedIn = state == null
                            ? null
                            : !state.toLowerCase(Locale.ROOT).contains("disconnected");
                }
                default -> attributes.put(key, scalar(value));
            }
        }
        return Parsed.ok(
                messageId,
                new Observation(
                        vin,
                        vin,
                        createdAt,
                        soc,
                        odometerKm,
                        latitude,
                        longitude,
                        heading,
                        speedKmh,
                        null,
                        pluggedIn,
                        chargingState,
                        rangeKm,
                        batteryTemperature,
                        attributes));
    }

    private static String chargingState(String state) {
        if (state == null) {
            return null;
        }
        String lower = state.toLowerCase(Locale.ROOT);
        if (lower.contains("complete")) {
            return "COMPLETE";
        }
        if (lower.endsWith("charging") && !lower.contains("notcharging")) {
            return "CHARGING";
        }
        if (lower.contains("disconnected")
                || lower.contains("stopped")
                || lower.contains("nopower")
                || lower.contains("notcharging")
                || lower.contains("starting")) {
            return "NOT_CHARGING";
        }
        return "UNKNOWN";
    }

    private static Object scalar(JsonNode value) {
        if (value.has("doubleValue")) {
            return value.get("doubleValue").asDouble();
        }
        if (value.has("booleanValue")) {
            return value.get("booleanValue").asBoolean();
        }
        return value.has("stringValue") ? value.get("stringValue").asText() : value.toString();
    }

    private static Double miles(Double value) {
        return value == null ? null : value * KM_PER_MILE;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
