package io.depotops.core.domain.load;

/** A phase of the site's supply; a charger is wired to one or more of them. */
public enum Phase {
    L1,
    L2,
    L3
}
