package io.depotops.physics;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The power offered to one vehicle over time, as steps: each value holds from its instant until
 * the next one; before the first step nothing is offered.
 */
public final class PowerProfile {

    private final NavigableMap<Instant, Double> steps;

    private PowerProfile(NavigableMap<Instant, Double> steps) {
        this.steps = steps;
    }

    /** The same power from {@code from} on. */
    public static PowerProfile constant(Instant from, double powerKw) {
        return steps(Map.of(from, powerKw));
    }

    /** Power steps by the instant each starts at (kW, finite, not negative). */
    public static PowerProfile steps(Map<Instant, Double> steps) {
        TreeMap<Instant, Double> copy = new TreeMap<>();
        steps.forEach((at, kw) -> {
            ChargeCurve.requireFinite(kw, "power at " + at);
            if (kw < 0) {
                throw new IllegalArgumentException("power at " + at + " must not be negative: " + kw);
            }
            copy.put(at, kw);
        });
        return new PowerProfile(copy);
    }

    /** This profile from {@code from} on, replaced by {@code powerKw} (a what-if or a plan's step). */
    public PowerProfile with(Instant from, double powerKw) {
        TreeMap<Instant, Double> copy = new TreeMap<>(steps.headMap(from, false));
        copy.put(from, powerKw);
        return steps(copy);
    }

    public double powerKwAt(Instant at) {
        Map.Entry<Instant, Double> step = steps.floorEntry(at);
        return step == null ? 0 : step.getValue();
    }

    /** The next instant after {@code at} where the power changes, or null. */
    public Instant nextChangeAfter(Instant at) {
        return steps.higherKey(at);
    }
}
