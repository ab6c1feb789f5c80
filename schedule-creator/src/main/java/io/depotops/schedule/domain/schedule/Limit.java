package io.depotops.schedule.domain.schedule;

/** What kept a vehicle from its energy. */
public enum Limit {
    /** No allowed connector was free for its whole stay. */
    NO_FREE_CONNECTOR,
    /** Its own maximum power over its stay inside the horizon is not enough. */
    STAY_AND_VEHICLE_POWER,
    /** Its charge curve tapered the power above a state of charge. */
    CHARGE_CURVE,
    /** Its charger's power, shared between connectors, was used up. */
    CHARGER_POWER,
    /** The circuit its charger hangs on was at its limit. */
    CIRCUIT_LIMIT,
    /** The site's limit (less the base load) was used up. */
    SITE_LIMIT
}
