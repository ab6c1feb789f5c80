package io.depotops.connect.application.routing;

import java.util.Optional;

/** Port: which connect instance holds which charger's session, shared by all instances (Redis). */
public interface ChargerHolders {

    /** Records this instance as the holder (with a time to live). */
    void hold(String chargePointId, String instanceId);

    /** Refreshes the time to live of our record; records it again if it vanished; leaves another's. */
    void refresh(String chargePointId, String instanceId);

    /** Removes the record if it still names this instance. */
    void release(String chargePointId, String instanceId);

    /** The instance holding the charger, if any. */
    Optional<String> holder(String chargePointId);
}
