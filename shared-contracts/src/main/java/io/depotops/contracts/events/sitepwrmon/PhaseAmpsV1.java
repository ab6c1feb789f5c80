package io.depotops.contracts.events.sitepwrmon;

/** A value per phase, in amperes; {@code null} where not known or not limited. */
public record PhaseAmpsV1(Double l1, Double l2, Double l3) {}
