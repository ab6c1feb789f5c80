package io.depotops.contracts.messaging;

/** Routing keys that are not simply an event type. */
public final class RoutingKeys {

    private static final String CHARGE_POINT_PREFIX = "chargepoint.";

    private RoutingKeys() {}

    /** Key of commands for one charger on {@link Exchanges#COMMANDS}. */
    public static String chargePoint(String chargePointId) {
        if (chargePointId == null || chargePointId.isBlank()) {
            throw new IllegalArgumentException("charge point id is required");
        }
        return CHARGE_POINT_PREFIX + chargePointId;
    }

    /** Binding that matches every event of one producing service, e.g. {@code connect.#}. */
    public static String allEventsOf(String producer) {
        return producer + ".#";
    }
}
