package io.depotops.sim.domain.config;

import java.time.LocalTime;
import java.util.List;

/** A node of the site tree (grid connection, hall, circuit): a limit, a base load, windows with another limit. */
public record SiteNode(
        String id,
        String name,
        double limitKw,
        Double baseLoadKw,
        List<LimitWindow> limitWindows,
        List<SiteNode> children) {

    public SiteNode {
        limitWindows = limitWindows == null ? List.of() : List.copyOf(limitWindows);
        children = children == null ? List.of() : List.copyOf(children);
    }

    public double baseLoad() {
        return baseLoadKw == null ? 0 : baseLoadKw;
    }

    /** The limit at a local time of day: the first window holding it, else {@link #limitKw}. */
    public double limitAt(LocalTime time) {
        for (LimitWindow window : limitWindows) {
            if (TimeOfDay.within(time, window.from(), window.to())) {
                return window.limitKw();
            }
        }
        return limitKw;
    }

    /** From {@code from} (inclusive) to {@code to} (exclusive), across midnight when {@code to} is earlier. */
    public record LimitWindow(String from, String to, double limitKw) {}
}
