package io.depotops.core.adapter.in.rest;

import io.depotops.platform.openapi.NullableProperties;
import java.util.List;
import java.util.Map;

/**
 * The fields of domain records that core's REST API returns as they are and that may be null,
 * documented as nullable (the domain carries no OpenAPI annotations). Registered with {@code
 * mp.openapi.filter}.
 */
public class NullableDomainFields extends NullableProperties {

    /** Schema name (the record's simple name) to the properties that may be null. */
    static final Map<String, List<String>> NULLABLE = Map.of(
            "EffectivePriority", List.of("level", "nextDeparture"),
            "DepartureReadiness",
                    List.of(
                            "requiredSocPercent",
                            "currentSocPercent",
                            "projectedSocPercent",
                            "ready",
                            "plannedSocPercent"),
            "VehiclePlan", List.of("chargerId", "connector", "departure", "socAtDeparturePercent"),
            "ChargerState", List.of("siteId", "updatedAt"),
            "ConnectorState", List.of("statusUpdatedAt"),
            "Report", List.of("sha256", "failureReason"),
            "VehicleState", List.of("stateOfChargePercent", "observedAt"),
            "TelematicsObservation",
                    List.of(
                            "stateOfChargePercent",
                            "odometerKm",
                            "latitude",
                            "longitude",
                            "headingDegrees",
                            "speedKmh",
                            "ignitionOn",
                            "pluggedIn",
                            "chargingState",
                            "remainingRangeKm",
                            "batteryTemperatureC",
                            "attributes"),
            "ProviderPollStatus",
                    List.of(
                            "lastSuccessfulPollAt",
                            "lastAttemptAt",
                            "lastError",
                            "nextAttemptAt",
                            "newestObservationAt",
                            "lag"));

    public NullableDomainFields() {
        super(NULLABLE);
    }
}
