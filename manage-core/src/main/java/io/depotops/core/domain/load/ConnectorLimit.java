package io.depotops.core.domain.load;

/** A connector's allocation: current on each of its phases, the power that makes, and why. */
public record ConnectorLimit(double amps, double kw, Bound bound) {}
