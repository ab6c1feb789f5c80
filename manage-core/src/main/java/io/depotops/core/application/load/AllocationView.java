package io.depotops.core.application.load;

import io.depotops.core.domain.load.PhaseAmps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A site's last allocation as the API shows it: when, the mode ({@code MEASURED} or {@code
 * FALLBACK}), the inputs (capacity, the measured load and when, the chargers' draw, the base load,
 * the headroom shared, in kW and, where the site's phases are reported, in A per phase) and each EVSE's limit, what bound it, and whether a command went out for it.
 */
public record AllocationView(UUID siteId, Instant computedAt, String mode, Inputs inputs, List<EvseLimit> limits) {

    public record Inputs(
            double capacityKw,
            Double measuredLoadKw,
            Instant measuredAt,
            String nodeId,
            Double measuredLimitKw,
            double chargersDrawKw,
            double baseLoadKw,
            double safetyMarginKw,
            double headroomKw,
            PhaseAmps headroomA) {}

    public record EvseLimit(
            UUID chargerId,
            int evseId,
            UUID vehicleId,
            Integer priorityTier,
            double maxKw,
            Double planTargetKw,
            double limitKw,
            Reason reason,
            Double sentLimitKw,
            boolean commandSent) {}

    /**
     * What bound an EVSE's limit: {@code kind} (the allocator's bound: {@code CHARGER_MAXIMUM},
     * {@code VEHICLE_MAXIMUM}, {@code DRAWING_LESS}, {@code NODE_POWER}, {@code NODE_PHASE}, {@code
     * NO_ROOM_FOR_MINIMUM}), the node and phase when a node's limit bound it, and whether that limit
     * was already used up by higher priorities when this EVSE's tier came.
     */
    public record Reason(String kind, String nodeId, String phase, boolean byHigherPriority) {}

    /** One entry of a site's allocation history: when, the mode, and each EVSE's limit and reason. */
    public record HistoryEntry(Instant computedAt, String mode, double headroomKw, List<EvseLimit> limits) {}
}
