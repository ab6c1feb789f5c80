package io.depotops.schedule.domain.schedule;

/** A limit that bound a vehicle, with the charger or circuit it names (null for the others). */
public record LimitBinding(Limit limit, String ref) {}
