package io.depotops.physics;

/**
 * The power a battery accepts by its state of charge: {@code maxPowerKw} up to {@code
 * taperAboveSocPercent}, then falling linearly to {@code powerAtFullPercent} of it at 100 %.
 * Without a taper ({@code taperAboveSocPercent} 100) the battery takes its maximum to the end.
 */
public record ChargeCurve(double maxPowerKw, double taperAboveSocPercent, double powerAtFullPercent) {

    public ChargeCurve {
        requireFinite(maxPowerKw, "maxPowerKw");
        if (maxPowerKw < 0) {
            throw new IllegalArgumentException("maxPowerKw must not be negative: " + maxPowerKw);
        }
        requirePercent(taperAboveSocPercent, "taperAboveSocPercent");
        requirePercent(powerAtFullPercent, "powerAtFullPercent");
    }

    /** A battery that takes its maximum at every state of charge. */
    public static ChargeCurve flat(double maxPowerKw) {
        return new ChargeCurve(maxPowerKw, 100, 100);
    }

    /** The power accepted at that state of charge (percent; below 0 or above 100 is clamped). */
    public double acceptedPowerKw(double socPercent) {
        if (socPercent <= taperAboveSocPercent) {
            return maxPowerKw;
        }
        double span = 100 - taperAboveSocPercent;
        double progress = span <= 0 ? 1 : Math.min(1, (socPercent - taperAboveSocPercent) / span);
        return maxPowerKw * (1 - progress * (1 - powerAtFullPercent / 100));
    }

    /** What actually flows: the offered power, but never more than the battery accepts. */
    public double drawnPowerKw(double offeredKw, double socPercent) {
        return Math.max(0, Math.min(offeredKw, acceptedPowerKw(socPercent)));
    }

    static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number: " + value);
        }
    }

    static void requirePercent(double value, String name) {
        requireFinite(value, name);
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be within 0..100: " + value);
        }
    }
}
