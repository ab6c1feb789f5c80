package io.depotops.twin.domain.projection;

/** Why a vehicle is projected to leave below its target (the reasons of the at-risk event). */
public final class Risk {

    public static final String NOT_PLUGGED_IN = "NOT_PLUGGED_IN";
    public static final String NOT_CHARGING = "NOT_CHARGING";
    public static final String POWER_LIMITED = "POWER_LIMITED";
    public static final String TIME_TOO_SHORT = "TIME_TOO_SHORT";
    public static final String CHARGER_FAULTED = "CHARGER_FAULTED";
    public static final String NO_STATE_OF_CHARGE = "NO_STATE_OF_CHARGE";

    private Risk() {}
}
