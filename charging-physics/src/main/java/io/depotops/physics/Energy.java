package io.depotops.physics;

import java.time.Duration;

/** Energy over time at a constant power. */
public final class Energy {

    private Energy() {}

    /** Hours of a duration, to the nanosecond. */
    public static double hours(Duration duration) {
        return duration.toNanos() / 1e9 / 3600;
    }

    /** Energy at {@code powerKw} for {@code hours}. */
    public static double kwh(double powerKw, double hours) {
        return powerKw * hours;
    }

    /**
     * Energy a battery takes at {@code powerKw} for {@code hours} when it stops at {@code
     * headroomKwh} more (its target or its capacity): never negative, never past the headroom.
     */
    public static double deliveredKwh(double powerKw, double hours, double headroomKwh) {
        return Math.min(kwh(powerKw, hours), Math.max(0, headroomKwh));
    }
}
