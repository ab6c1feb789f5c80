package io.depotops.core.domain.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The charging plan of a depot: per vehicle its charger, power per slot and expected state of
 * charge at departure, as the optimiser made it. {@code version} counts the depot's plans; a plan
 * is current until {@code expiresAt}. {@code skipped} lists the vehicles left out and why.
 */
public record ChargingPlan(
        UUID depotId,
        UUID workspaceId,
        long version,
        Instant createdAt,
        Instant expiresAt,
        List<Instant> slotStarts,
        List<VehiclePlan> vehicles,
        List<SkippedVehicle> skipped,
        double peakKw,
        double totalCost,
        double unmetKwh,
        Solver solver) {

    public ChargingPlan {
        slotStarts = List.copyOf(slotStarts);
        vehicles = List.copyOf(vehicles);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param socAtDeparturePercent null when the optimiser could not tell
     * @param limitedBy the limits that kept it from its target (empty: none)
     */
    public record VehiclePlan(
            UUID vehicleId,
            UUID chargerId,
            Integer connector,
            Instant departure,
            List<Double> powerKw,
            double energyKwh,
            Double socAtDeparturePercent,
            double unmetKwh,
            List<String> limitedBy) {

        public VehiclePlan {
            powerKw = List.copyOf(powerKw);
            limitedBy = List.copyOf(limitedBy);
        }
    }

    public record SkippedVehicle(UUID vehicleId, String reason) {}

    /** How the optimiser solved it; {@code degraded}: its solver could not run and a heuristic answered. */
    public record Solver(String algorithm, String status, boolean timeLimitReached, boolean degraded) {}

    public boolean currentAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The plan's state of charge at departure for a vehicle, when the plan holds one. */
    public Optional<VehiclePlan> of(UUID vehicleId) {
        return vehicles.stream().filter(v -> v.vehicleId().equals(vehicleId)).findFirst();
    }

    /** The plan renumbered as the depot's next version. */
    public ChargingPlan withVersion(long next) {
        return new ChargingPlan(
                depotId,
                workspaceId,
                next,
                createdAt,
                expiresAt,
                slotStarts,
                vehicles,
                skipped,
                peakKw,
                totalCost,
                unmetKwh,
                solver);
    }
}
