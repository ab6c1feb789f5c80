package io.depotops.core.domain;

/** Plug standards found at fleet depots. */
public enum ConnectorType {
    CCS1,
    CCS2,
    CHAdeMO,
    Type1,
    Type2,
    GBT,
    MCS,
    Pantograph
}
