package io.depotops.sitepwrmon.domain.reading;

/** A node's latest reading and the limit state it left the node in. */
public record NodeLive(Reading reading, LimitState state) {}
