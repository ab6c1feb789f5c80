package io.depotops.core.domain.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One allocation of a site: the inputs it came from and each session's limit. {@code mode} is
 * {@code MEASURED} when a fresh measurement set the headroom, {@code FALLBACK} when it was stale or
 * missing and the conservative per-session default applied.
 */
public record SiteAllocation(
        UUID siteId,
        Instant computedAt,
        Mode mode,
        double capacityKw,
        Double measuredLoadKw,
        Instant measuredAt,
        double chargersDrawKw,
        double baseLoadKw,
        double headroomKw,
        List<Session> sessions,
        Map<SessionKey, Double> limits) {

    public enum Mode {
        MEASURED,
        FALLBACK
    }

    /**
     * Allocates a site. The limit is the lower of the site's grid capacity and the measured limit;
     * the base load (what no charger draws) is the measured load less the chargers' draw, never
     * below 0; the headroom is limit - base load - margin. Without a measurement newer than {@code
     * policy.staleAfter()} the headroom is the fallback per session, within capacity - margin.
     */
    public static SiteAllocation compute(
            UUID siteId,
            Instant now,
            LoadPolicy policy,
            double capacityKw,
            SiteMeasurement measurement,
            double chargersDrawKw,
            List<Session> sessions) {
        double ceiling = Math.max(0, capacityKw - policy.safetyMarginKw());
        boolean fresh = measurement != null && !measurement.measuredAt().isBefore(now.minus(policy.staleAfter()));
        if (!fresh) {
            double headroom = Math.min(ceiling, policy.fallbackPerSessionKw() * sessions.size());
            return new SiteAllocation(
                    siteId,
                    now,
                    Mode.FALLBACK,
                    capacityKw,
                    measurement == null ? null : measurement.loadKw(),
                    measurement == null ? null : measurement.measuredAt(),
                    chargersDrawKw,
                    0,
                    headroom,
                    List.copyOf(sessions),
                    LoadAllocator.allocate(headroom, policy.minimumKw(), capped(sessions, policy)));
        }
        double limit = measurement.limitKw() == null ? capacityKw : Math.min(capacityKw, measurement.limitKw());
        double baseLoad = Math.max(0, measurement.loadKw() - chargersDrawKw);
        double headroom = Math.max(0, limit - baseLoad - policy.safetyMarginKw());
        return new SiteAllocation(
                siteId,
                now,
                Mode.MEASURED,
                capacityKw,
                measurement.loadKw(),
                measurement.measuredAt(),
                chargersDrawKw,
                baseLoad,
                headroom,
                List.copyOf(sessions),
                LoadAllocator.allocate(headroom, policy.minimumKw(), sessions));
    }

    /** In fallback no session gets more than the per-session default, whatever is left over. */
    private static List<Session> capped(List<Session> sessions, LoadPolicy policy) {
        return sessions.stream()
                .map(session -> new Session(
                        session.key(),
                        session.vehicleId(),
                        Math.min(session.maxKw(), policy.fallbackPerSessionKw()),
                        session.tier(),
                        session.rank()))
                .toList();
    }
}
