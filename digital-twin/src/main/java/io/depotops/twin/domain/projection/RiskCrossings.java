package io.depotops.twin.domain.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns projections into crossings of the target, once per crossing and not per refresh: a vehicle
 * not yet announced that is now at risk is announced; an announced one that is projected ready
 * again, or whose departure passed, is cleared.
 */
public final class RiskCrossings {

    private RiskCrossings() {}

    /** @param announced the departure each vehicle of the depot was announced at risk for, by vehicle id */
    public static List<Crossing> between(Map<String, Instant> announced, DepotProjection projection) {
        List<Crossing> crossings = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (VehicleProjection vehicle : projection.vehicles()) {
            seen.add(vehicle.vehicleId());
            Instant was = announced.get(vehicle.vehicleId());
            if (was != null && !was.equals(vehicle.departureAt())) {
                crossings.add(new Crossing(Crossing.Kind.CLEARED, vehicle, was, "DEPARTED"));
                was = null;
            }
            if (was == null && vehicle.atRisk()) {
                crossings.add(new Crossing(Crossing.Kind.AT_RISK, vehicle, vehicle.departureAt(), vehicle.reason()));
            } else if (was != null && !vehicle.atRisk()) {
                crossings.add(new Crossing(Crossing.Kind.CLEARED, vehicle, was, "PROJECTED_READY"));
            }
        }
        for (Map.Entry<String, Instant> entry : announced.entrySet()) {
            // No projection any more: its departure passed (or it left the depot).
            if (!seen.contains(entry.getKey())) {
                crossings.add(new Crossing(Crossing.Kind.CLEARED, null, entry.getValue(), "DEPARTED", entry.getKey()));
            }
        }
        return crossings;
    }

    /**
     * @param projection the projection that crossed (null when the vehicle has none any more)
     * @param departureAt the departure the crossing is about
     */
    public record Crossing(
            Kind kind, VehicleProjection projection, Instant departureAt, String reason, String vehicleId) {

        public Crossing(Kind kind, VehicleProjection projection, Instant departureAt, String reason) {
            this(kind, projection, departureAt, reason, projection.vehicleId());
        }

        public enum Kind {
            AT_RISK,
            CLEARED
        }
    }
}
