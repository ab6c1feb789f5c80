package io.depotops.sitepwrmon.domain;

import java.util.function.DoubleBinaryOperator;

/** One number per phase (watts, amperes or a limit in amperes); {@code null} where unknown. */
public record PhaseValues(Double l1, Double l2, Double l3) {

    public static final PhaseValues NONE = new PhaseValues(null, null, null);

    public static PhaseValues of(double l1, double l2, double l3) {
        return new PhaseValues(l1, l2, l3);
    }

    public Double get(Phase phase) {
        return switch (phase) {
            case L1 -> l1;
            case L2 -> l2;
            case L3 -> l3;
        };
    }

    /** The sum of the known phases (0 when none is known). */
    public double sum() {
        return value(l1) + value(l2) + value(l3);
    }

    /** Phase by phase; unknown where either side is unknown. */
    public PhaseValues combine(PhaseValues other, DoubleBinaryOperator operator) {
        return new PhaseValues(
                both(l1, other.l1, operator), both(l2, other.l2, operator), both(l3, other.l3, operator));
    }

    public boolean isEmpty() {
        return l1 == null && l2 == null && l3 == null;
    }

    private static Double both(Double a, Double b, DoubleBinaryOperator operator) {
        return a == null || b == null ? null : operator.applyAsDouble(a, b);
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }
}
