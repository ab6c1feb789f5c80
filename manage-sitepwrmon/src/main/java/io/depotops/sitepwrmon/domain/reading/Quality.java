package io.depotops.sitepwrmon.domain.reading;

/** How far a reading can be trusted: measured, estimated by a gateway, or flagged invalid by the meter. */
public enum Quality {
    GOOD,
    ESTIMATED,
    INVALID
}
