package io.depotops.contracts.events.twin;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code twin.vehicle.departure-risk-cleared.v1}: a vehicle announced at risk is projected to reach
 * its target again ({@code reason} {@code PROJECTED_READY}) or its departure passed ({@code
 * DEPARTED}).
 */
@EventType(EventTypes.TWIN_VEHICLE_DEPARTURE_RISK_CLEARED_V1)
public record DepartureRiskClearedV1(
        String vehicleId,
        String workspaceId,
        String depotId,
        Instant departureAt,
        double targetSocPercent,
        double projectedSocPercent,
        String reason,
        Instant projectedAt) {}
