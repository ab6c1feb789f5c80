package io.depotops.core.domain.load;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One allocation of a site: the inputs it came from and each session's limit. {@code mode} is
 * {@code MEASURED} when a fresh measurement set the headroom, {@code FALLBACK} when it was stale or
 * missing and the conservative per-session default applied. {@code bounds} says what bound each
 * session's limit.
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
        Map<SessionKey, Double> limits,
        Map<SessionKey, Bound> bounds) {

    /** The one node of the site's tree as core sees it. */
    public static final String SITE_NODE = "site";

    static final double NOMINAL_VOLTAGE_V = 230;
    private static final Set<Phase> THREE_PHASES = Set.of(Phase.L1, Phase.L2, Phase.L3);

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
            Map<SessionKey, ConnectorLimit> limits = share(headroom, policy, capped(sessions, policy));
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
                    kw(limits),
                    bounds(limits));
        }
        double limit = measurement.limitKw() == null ? capacityKw : Math.min(capacityKw, measurement.limitKw());
        double baseLoad = Math.max(0, measurement.loadKw() - chargersDrawKw);
        double headroom = Math.max(0, limit - baseLoad - policy.safetyMarginKw());
        Map<SessionKey, ConnectorLimit> limits = share(headroom, policy, sessions);
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
                kw(limits),
                bounds(limits));
    }

    /** In fallback no session gets more than the per-session default, whatever is left over. */
    private static List<Session> capped(List<Session> sessions, LoadPolicy policy) {
        return sessions.stream()
                .map(session -> new Session(
                        session.key(),
                        session.vehicleId(),
                        Math.min(session.maxKw(), policy.fallbackPerSessionKw()),
                        session.tier(),
                        session.rank(),
                        session.planTargetKw()))
                .toList();
    }

    /**
     * The headroom shared by the tree allocator over a tree of one node, the site, limited to the
     * headroom in kW: core does not hold the site's electrical tree (ADR 0023). Sessions count as
     * three-phase at {@link #NOMINAL_VOLTAGE_V}, so kW and A convert at a fixed rate and the
     * allocation is the same in either.
     */
    private static Map<SessionKey, ConnectorLimit> share(double headroomKw, LoadPolicy policy, List<Session> sessions) {
        PowerNode site = new PowerNode(SITE_NODE, null, headroomKw, PhaseAmps.NONE, 0, PhaseAmps.NONE);
        double kwPerAmp = NOMINAL_VOLTAGE_V * 3 / 1000.0;
        List<Connector> connectors = sessions.stream()
                .map(session -> new Connector(
                        session.key(),
                        session.vehicleId(),
                        SITE_NODE,
                        THREE_PHASES,
                        NOMINAL_VOLTAGE_V,
                        policy.minimumKw() / kwPerAmp,
                        session.maxKw() / kwPerAmp,
                        null,
                        null,
                        null,
                        session.planTargetKw(),
                        session.tier(),
                        session.rank()))
                .toList();
        return TreeAllocator.allocate(List.of(site), connectors, 0);
    }

    private static Map<SessionKey, Double> kw(Map<SessionKey, ConnectorLimit> limits) {
        Map<SessionKey, Double> kw = new LinkedHashMap<>();
        limits.forEach((key, limit) -> kw.put(key, limit.kw()));
        return kw;
    }

    private static Map<SessionKey, Bound> bounds(Map<SessionKey, ConnectorLimit> limits) {
        Map<SessionKey, Bound> bounds = new LinkedHashMap<>();
        limits.forEach((key, limit) -> bounds.put(key, limit.bound()));
        return bounds;
    }
}
