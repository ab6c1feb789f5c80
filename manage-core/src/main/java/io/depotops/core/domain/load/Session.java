package io.depotops.core.domain.load;

import java.util.UUID;

/**
 * An active charging session as the site allocation sees it: the EVSE it runs on, the most the EVSE
 * may take ({@code maxKw}), its priority {@code tier} (lower goes first; equal tiers share equally)
 * and {@code rank} (the order inside core's priority list, which decides who gets a minimum when not
 * all can), its vehicle (null when the tag is not a known vehicle's) and the stored plan's power for
 * it now ({@code planTargetKw}, null without a current plan).
 */
public record Session(SessionKey key, UUID vehicleId, double maxKw, int tier, int rank, Double planTargetKw) {

    public Session {
        if (!(maxKw >= 0) || Double.isInfinite(maxKw)) {
            throw new IllegalArgumentException("maxKw must be a finite value >= 0");
        }
        if (planTargetKw != null && !(planTargetKw >= 0 && Double.isFinite(planTargetKw))) {
            planTargetKw = null; // a plan value that is no power is no target
        }
    }
}
