package io.depotops.core.domain.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Divides a site's headroom among its active charging sessions. Pure: no I/O, no clock.
 *
 * <p>Invariants (tested in {@code LoadAllocatorTest}):
 *
 * <ul>
 *   <li>the limits never sum above the headroom, and none is above its session's maximum or below 0;
 *   <li>when the headroom allows, every session gets at least the minimum (or its maximum, if that
 *       is lower); otherwise minimums go in priority order and the sessions left out get 0 (a
 *       charger cannot charge below its minimum current, so a smaller offer is no offer);
 *   <li>what is left goes tier by tier (lower tier first), shared equally inside a tier, a session
 *       that reaches its maximum handing the rest to the others;
 *   <li>no headroom is left unoffered while some session is below its maximum.
 * </ul>
 */
public final class LoadAllocator {

    /** Below this a difference in kW is rounding, not power. */
    static final double EPSILON = 1e-9;

    private LoadAllocator() {}

    /**
     * @param headroomKw what the sessions may draw together (already without base load and margin);
     *     negative counts as 0
     * @param minimumKw the least power worth offering a session
     */
    public static Map<SessionKey, Double> allocate(double headroomKw, double minimumKw, List<Session> sessions) {
        List<Session> ordered = new ArrayList<>(sessions);
        ordered.sort(Comparator.comparingInt(Session::tier).thenComparingInt(Session::rank));
        Map<SessionKey, Double> limits = new LinkedHashMap<>();
        double left = Math.max(0, headroomKw);

        // Minimums first, in priority order, as far as the headroom goes.
        List<Session> offered = new ArrayList<>();
        for (Session session : ordered) {
            double minimum = Math.min(minimumKw, session.maxKw());
            if (minimum <= left + EPSILON) {
                limits.put(session.key(), minimum);
                left -= minimum;
                offered.add(session);
            } else {
                limits.put(session.key(), 0.0);
            }
        }
        left = Math.max(0, left);

        // The rest tier by tier, equal shares inside a tier (water filling up to each maximum).
        Map<Integer, List<Session>> tiers = new TreeMap<>();
        for (Session session : offered) {
            tiers.computeIfAbsent(session.tier(), tier -> new ArrayList<>()).add(session);
        }
        for (List<Session> tier : tiers.values()) {
            if (left <= EPSILON) {
                break;
            }
            left = fillEqually(tier, limits, left);
        }
        return limits;
    }

    private static double fillEqually(List<Session> tier, Map<SessionKey, Double> limits, double left) {
        List<Session> wanting = new ArrayList<>(tier);
        wanting.sort(Comparator.comparingDouble(session -> session.maxKw() - limits.get(session.key())));
        int remaining = wanting.size();
        for (Session session : wanting) {
            double share = left / remaining;
            double current = limits.get(session.key());
            double wanted = session.maxKw() - current;
            if (share >= wanted) {
                limits.put(session.key(), session.maxKw()); // exactly the maximum, not a rounding below it
                left -= wanted;
            } else {
                limits.put(session.key(), current + share);
                left -= share;
            }
            remaining--;
        }
        return Math.max(0, left);
    }
}
