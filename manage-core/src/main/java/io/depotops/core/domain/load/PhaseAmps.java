package io.depotops.core.domain.load;

/** A value in amps per phase; a null phase means none (no limit there, or nothing measured). */
public record PhaseAmps(Double l1, Double l2, Double l3) {

    public static final PhaseAmps NONE = new PhaseAmps(null, null, null);

    public static PhaseAmps of(double each) {
        return new PhaseAmps(each, each, each);
    }

    public Double get(Phase phase) {
        return switch (phase) {
            case L1 -> l1;
            case L2 -> l2;
            case L3 -> l3;
        };
    }
}
