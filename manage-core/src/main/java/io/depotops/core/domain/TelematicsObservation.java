package io.depotops.core.domain;

import java.time.Instant;
import java.util.Map;

/** One accepted observation of a vehicle, in core's terms (canonical telematics). */
public record TelematicsObservation(
        String updateId,
        String provider,
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
        Map<String, Object> attributes) {}
