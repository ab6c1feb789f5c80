package io.depotops.sitepwrmon.domain;

/** A phase of the site's three-phase supply. */
public enum Phase {
    L1,
    L2,
    L3
}
