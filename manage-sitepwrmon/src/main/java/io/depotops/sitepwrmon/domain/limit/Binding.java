package io.depotops.sitepwrmon.domain.limit;

/** Which of a node's limits is closest to being reached: its power, or the current on one phase. */
public enum Binding {
    POWER,
    L1,
    L2,
    L3
}
