package io.depotops.sitepwrmon.domain.meter;

/** What a register holds, in the canonical reading's units once scaled (W, A, Wh). */
public enum Quantity {
    POWER_W_L1,
    POWER_W_L2,
    POWER_W_L3,
    CURRENT_A_L1,
    CURRENT_A_L2,
    CURRENT_A_L3,
    ENERGY_IMPORT_WH
}
