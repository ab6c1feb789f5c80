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
 * session's limit; {@code headroomA} what they may draw per phase where the site's current limits are
 * known.
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
        PhaseAmps headroomA,
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
            Map<SessionKey, ConnectorLimit> limits = share(headroom, PhaseAmps.NONE, policy, capped(sessions, policy));
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
                    PhaseAmps.NONE,
                    List.copyOf(sessions),
                    kw(limits),
                    bounds(limits));
        }
        double limit = measurement.limitKw() == null ? capacityKw : Math.min(capacityKw, measurement.limitKw());
        double baseLoad = Math.max(0, measurement.loadKw() - chargersDrawKw);
        double headroom = Math.max(0, limit - baseLoad - policy.safetyMarginKw());
        PhaseAmps headroomA = headroomA(measurement, chargersDrawKw, baseLoad, policy);
        Map<SessionKey, ConnectorLimit> limits = share(headroom, headroomA, policy, sessions);
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
                headroomA,
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
    private static Map<SessionKey, ConnectorLimit> share(
            double headroomKw, PhaseAmps headroomA, LoadPolicy policy, List<Session> sessions) {
        PowerNode site = new PowerNode(SITE_NODE, null, headroomKw, headroomA, 0, PhaseAmps.NONE);
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

    /**
     * What the sessions may draw on each phase whose current limit the measurement reports: limit -
     * uncontrolled current - the margin in A. The uncontrolled current is the phase's measured
     * current less the sessions' draw (three-phase, spread evenly); without a measured current on
     * the phase, the base load spread evenly. Null on a phase without a limit.
     */
    static PhaseAmps headroomA(
            SiteMeasurement measurement, double chargersDrawKw, double baseLoadKw, LoadPolicy policy) {
        double ampsPerKw = 1000.0 / (3 * NOMINAL_VOLTAGE_V);
        Double[] headroom = new Double[3];
        for (Phase phase : Phase.values()) {
            Double limit = measurement.limitA().get(phase);
            if (limit == null) {
                continue;
            }
            Double current = measurement.currentA().get(phase);
            double uncontrolled =
                    current == null ? baseLoadKw * ampsPerKw : Math.max(0, current - chargersDrawKw * ampsPerKw);
            headroom[phase.ordinal()] = Math.max(0, limit - uncontrolled - policy.safetyMarginKw() * ampsPerKw);
        }
        return new PhaseAmps(headroom[0], headroom[1], headroom[2]);
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
