package io.depotops.incidents.application.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Which workspace and site each charge point belongs to, learnt from core's charger events: connect's
 * facts name only the charge point, so this is how they reach a workspace's rules.
 */
public interface ChargerDirectory {

    record Entry(String chargePointId, UUID workspaceId, String chargerId, String siteId) {}

    void remember(Entry entry);

    void forget(String chargePointId);

    Optional<Entry> find(String chargePointId);
}
