package io.depotops.schedule.domain.problem;

/** A circuit of the site with its power limit per slot (kW), shared by the chargers on it. */
public record Circuit(String id, double[] limitKw) {}
