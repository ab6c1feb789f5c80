package io.depotops.core.application.load;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A site's last allocation as the API shows it: when, the mode ({@code MEASURED} or {@code
 * FALLBACK}), the inputs (capacity, the measured load and when, the chargers' draw, the base load,
 * the headroom shared) and each EVSE's limit with whether a command went out for it.
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
            double headroomKw) {}

    public record EvseLimit(
            UUID chargerId,
            int evseId,
            UUID vehicleId,
            Integer priorityTier,
            double maxKw,
            double limitKw,
            Double sentLimitKw,
            boolean commandSent) {}
}
