package io.depotops.contracts.events.twin;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code twin.vehicle.departure-at-risk.v1}: under the current plan and live allocation the vehicle
 * is projected to leave below its target. Sent once when the projection crosses the target, not per
 * refresh. {@code reason}: what binds ({@code NOT_PLUGGED_IN}, {@code NOT_CHARGING}, {@code
 * POWER_LIMITED}, {@code TIME_TOO_SHORT}, {@code CHARGER_FAULTED}, {@code NO_STATE_OF_CHARGE}).
 */
@EventType(EventTypes.TWIN_VEHICLE_DEPARTURE_AT_RISK_V1)
public record DepartureAtRiskV1(
        String vehicleId,
        String workspaceId,
        String depotId,
        String chargerId,
        Instant departureAt,
        double targetSocPercent,
        double projectedSocPercent,
        double shortfallKwh,
        String reason,
        Instant projectedAt) {}
