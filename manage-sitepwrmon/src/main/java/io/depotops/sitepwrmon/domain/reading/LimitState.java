package io.depotops.sitepwrmon.domain.reading;

/** Where a node's load stands against its binding limit. */
public enum LimitState {
    NORMAL,
    APPROACHING,
    EXCEEDED
}
