package io.depotops.telematics.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a provider's message said about one vehicle at one time, already in depotops' units. Every
 * measurement may be absent.
 */
public record Observation(
        String deviceId,
        String vin,
        Instant observedAt,
        Double stateOfChargePercent,
        Double odometerKm,
        Double latitude,
        Double longitude,
        Double headingDegrees,
        Double speedKmh,
        Boolean ignitionOn,
        Boolean pluggedIn,
        String chargingState,
        Double remainingRangeKm,
        Double batteryTemperatureC,
        Map<String, Object> attributes) {

    public Observation {
        Map<String, Object> present = new HashMap<>();
        if (attributes != null) {
            // a provider's null attribute says nothing: it is left out
            attributes.forEach((name, value) -> {
                if (name != null && value != null) {
                    present.put(name, value);
                }
            });
        }
        attributes = Map.copyOf(present);
    }

    /**
     * The two observations of one vehicle as one: the newer one's values win, the older one's fill
     * what the newer did not say (streams often send only what changed).
     */
    public Observation coalesce(Observation other) {
        Observation newer = other.observedAt.isAfter(observedAt) ? other : this;
        Observation older = newer == this ? other : this;
        Map<String, Object> merged = new HashMap<>(older.attributes);
        merged.putAll(newer.attributes);
        return new Observation(
                deviceId,
                first(newer.vin, older.vin),
                newer.observedAt,
                first(newer.stateOfChargePercent, older.stateOfChargePercent),
                first(newer.odometerKm, older.odometerKm),
                newer.latitude != null ? newer.latitude : older.latitude,
                newer.latitude != null ? newer.longitude : older.longitude,
                newer.latitude != null ? newer.headingDegrees : older.headingDegrees,
                first(newer.speedKmh, older.speedKmh),
                first(newer.ignitionOn, older.ignitionOn),
                first(newer.pluggedIn, older.pluggedIn),
                first(newer.chargingState, older.chargingState),
                first(newer.remainingRangeKm, older.remainingRangeKm),
                first(newer.batteryTemperatureC, older.batteryTemperatureC),
                merged);
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
