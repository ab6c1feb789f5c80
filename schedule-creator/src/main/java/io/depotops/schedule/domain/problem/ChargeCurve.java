package io.depotops.schedule.domain.problem;

/**
 * A charge curve that tapers: full power up to {@code taperFromSoc}, then falling linearly to zero
 * at a full battery (the constant-voltage phase of lithium-ion charging, to first order).
 */
public record ChargeCurve(double taperFromSoc) {

    public ChargeCurve {
        if (!(taperFromSoc >= 0 && taperFromSoc < 1)) {
            throw new IllegalArgumentException("taperFromSoc must be in [0, 1)");
        }
    }

    /** The most power the battery takes at state of charge {@code soc} (0 to 1). */
    public double maxPower(double maxPowerKw, double soc) {
        if (soc <= taperFromSoc) {
            return maxPowerKw;
        }
        return Math.max(0, maxPowerKw * (1 - soc) / (1 - taperFromSoc));
    }
}
