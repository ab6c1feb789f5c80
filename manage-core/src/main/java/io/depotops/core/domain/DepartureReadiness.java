package io.depotops.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Whether a vehicle will have enough charge when its block departs: the state of charge needed
 * (the block's energy plus a reserve) against the state of charge projected at departure (the
 * latest reported one plus what the vehicle can take at its maximum charge power until then).
 *
 * @param ready null when it cannot be told (no state of charge reported yet)
 * @param plannedSocPercent the state of charge at departure the depot's current charging plan
 *     expects (null: no current plan, or the plan does not hold the vehicle)
 */
public record DepartureReadiness(
        UUID blockId,
        UUID vehicleId,
        Instant departureAt,
        BigDecimal requiredSocPercent,
        BigDecimal currentSocPercent,
        BigDecimal projectedSocPercent,
        Boolean ready,
        String reason,
        BigDecimal plannedSocPercent) {

    /** Charge kept in reserve on top of the block's needs, as a share of the battery. */
    public static final BigDecimal RESERVE_PERCENT = BigDecimal.TEN;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static DepartureReadiness assess(
            VehicleBlock block, Vehicle vehicle, BigDecimal socPercent, Instant departure, Instant now) {
        BigDecimal neededKwh = block.requiredEnergyKwh();
        if (neededKwh == null) {
            if (vehicle.efficiencyKwhPerKm() == null) {
                return new DepartureReadiness(
                        block.id(),
                        vehicle.id(),
                        departure,
                        null,
                        socPercent,
                        null,
                        null,
                        "the block gives a distance and the vehicle has no consumption (efficiencyKwhPerKm)",
                        null);
            }
            neededKwh = block.requiredDistanceKm().multiply(vehicle.efficiencyKwhPerKm());
        }
        BigDecimal required =
                percentOf(neededKwh, vehicle.batteryKwh()).add(RESERVE_PERCENT).min(HUNDRED);
        if (socPercent == null) {
            return new DepartureReadiness(
                    block.id(),
                    vehicle.id(),
                    departure,
                    required,
                    null,
                    null,
                    null,
                    "no state of charge reported for the vehicle yet",
                    null);
        }
        BigDecimal chargeKw = vehicle.maxDcKw() != null ? vehicle.maxDcKw() : vehicle.maxAcKw();
        BigDecimal hours = BigDecimal.valueOf(
                        Math.max(0, Duration.between(now, departure).toSeconds()))
                .divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP);
        BigDecimal gained =
                chargeKw == null ? BigDecimal.ZERO : percentOf(chargeKw.multiply(hours), vehicle.batteryKwh());
        BigDecimal projected = socPercent.add(gained).min(HUNDRED).setScale(1, RoundingMode.HALF_UP);
        boolean ready = projected.compareTo(required) >= 0;
        return new DepartureReadiness(
                block.id(),
                vehicle.id(),
                departure,
                required.setScale(1, RoundingMode.HALF_UP),
                socPercent,
                projected,
                ready,
                ready ? "enough charge projected at departure" : "not enough charge projected at departure",
                null);
    }

    /** This readiness with the state of charge at departure the current plan expects. */
    public DepartureReadiness withPlannedSoc(BigDecimal planned) {
        return new DepartureReadiness(
                blockId,
                vehicleId,
                departureAt,
                requiredSocPercent,
                currentSocPercent,
                projectedSocPercent,
                ready,
                reason,
                planned);
    }

    private static BigDecimal percentOf(BigDecimal kwh, BigDecimal batteryKwh) {
        return kwh.multiply(HUNDRED).divide(batteryKwh, 4, RoundingMode.HALF_UP);
    }
}
