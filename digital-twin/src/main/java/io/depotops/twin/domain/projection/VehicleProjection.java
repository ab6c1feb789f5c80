package io.depotops.twin.domain.projection;

import java.time.Instant;

/**
 * A vehicle's state of charge projected to its next departure.
 *
 * @param chargePointId the charger it is plugged into, or null
 * @param powerKw the power it draws now (live)
 * @param reason what binds when at risk ({@link Risk}), null when not
 */
public record VehicleProjection(
        String vehicleId,
        String chargePointId,
        Instant departureAt,
        double targetSocPercent,
        Double socPercent,
        double projectedSocPercent,
        double shortfallKwh,
        double powerKw,
        boolean usesPlan,
        boolean atRisk,
        String reason) {}
