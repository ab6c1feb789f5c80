package io.depotops.core.domain.load;

import java.util.Set;
import java.util.UUID;

/**
 * A connector with an active session as the tree allocator sees it.
 *
 * @param nodeId the tree node it hangs from (its charger's node)
 * @param phases the site phases it draws on (one for a single-phase charger); it draws the same
 *     current on each
 * @param voltageV nominal phase voltage
 * @param minA the charger's minimum current (below it the charger does not charge)
 * @param maxA the charger's maximum current
 * @param vehicleMaxKw the vehicle's maximum charging power, null when unknown
 * @param offeredA the current offered last time, null when none
 * @param drawA the current it draws now (its newest meter value), null when unknown
 * @param planTargetKw the stored plan's power for this connector now, null without a plan
 * @param tier priority tier, lower first (explicit level 1-10, then by departure, then unknown)
 * @param rank order in core's priority list, which decides minimums inside a tier
 */
public record Connector(
        SessionKey key,
        UUID vehicleId,
        String nodeId,
        Set<Phase> phases,
        double voltageV,
        double minA,
        double maxA,
        Double vehicleMaxKw,
        Double offeredA,
        Double drawA,
        Double planTargetKw,
        int tier,
        int rank) {

    public Connector {
        if (key == null || nodeId == null || phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("a connector needs its key, node and at least one phase");
        }
        if (!(voltageV > 0) || !(minA >= 0) || !(maxA >= 0) || Double.isInfinite(maxA)) {
            throw new IllegalArgumentException("voltage must be > 0, currents finite and >= 0");
        }
        phases = Set.copyOf(phases);
    }

    /** kW per A on each of its phases. */
    double kwPerAmp() {
        return voltageV * phases.size() / 1000.0;
    }
}
