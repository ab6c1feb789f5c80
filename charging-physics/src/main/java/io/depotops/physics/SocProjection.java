package io.depotops.physics;

import java.time.Duration;
import java.time.Instant;

/**
 * Projects a battery's energy forward under a power profile: in each step the battery draws the
 * offered power within its charge curve (taken at the step's starting state of charge, as the
 * simulator re-allocates between its events) and stops at the ceiling (its target or full).
 *
 * @param step the longest step; shorter steps follow the taper more closely
 */
public record SocProjection(Battery battery, ChargeCurve curve, Duration step) {

    public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

    public SocProjection {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
    }

    public SocProjection(Battery battery, ChargeCurve curve) {
        this(battery, curve, DEFAULT_STEP);
    }

    /**
     * The energy in the battery at {@code to}, starting with {@code startKwh} at {@code from}.
     *
     * @param ceilingKwh where charging stops (a target below full, or the capacity)
     */
    public Outcome project(double startKwh, double ceilingKwh, Instant from, Instant to, PowerProfile offered) {
        double kwh = startKwh;
        double delivered = 0;
        Instant reachedCeilingAt = kwh + 1e-6 >= ceilingKwh ? from : null;
        Instant at = from;
        while (at.isBefore(to) && reachedCeilingAt == null) {
            double offeredKw = offered.powerKwAt(at);
            Instant change = offered.nextChangeAfter(at);
            // Nothing flows until the offer changes: one jump instead of idle steps.
            Instant next = offeredKw <= 0 ? (change == null ? to : change) : at.plus(step);
            if (change != null && change.isBefore(next)) {
                next = change;
            }
            if (next.isAfter(to)) {
                next = to;
            }
            double power = curve.drawnPowerKw(offeredKw, battery.socPercent(kwh));
            double energy = Energy.deliveredKwh(power, Energy.hours(Duration.between(at, next)), ceilingKwh - kwh);
            kwh += energy;
            delivered += energy;
            if (reachedCeilingAt == null && kwh + 1e-6 >= ceilingKwh) {
                reachedCeilingAt = next;
            }
            at = next;
        }
        return new Outcome(kwh, battery.socPercent(kwh), delivered, reachedCeilingAt);
    }

    /**
     * @param reachedCeilingAt when the battery reached the ceiling, or null if it did not by the end
     */
    public record Outcome(double kwh, double socPercent, double deliveredKwh, Instant reachedCeilingAt) {}
}
