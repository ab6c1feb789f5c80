package io.depotops.core.application.port;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what chargers report, as targeted conditional updates: a fact older than the one stored
 * changes nothing, and no edit of the charger by an operator is overwritten or made stale.
 */
public interface ChargerFactsStore {

    /** The charger's site, or empty when the charge point id is unknown. */
    Optional<UUID> siteOf(String chargePointId);

    /** True when stored (the charger knows this connector and the fact is newer). */
    boolean connectorStatus(String chargePointId, int evseId, int connectorId, String status, Instant observedAt);

    /** Status of the charger as a whole (OCPP 1.6 connector 0). */
    boolean chargerStatus(String chargePointId, String status, Instant observedAt);

    boolean connectivity(String chargePointId, boolean online, Instant observedAt);

    /** A boot connect answered: status, firmware and serial number, if newer than the last boot stored. */
    boolean booted(String chargePointId, String bootStatus, String firmwareVersion, String serialNumber, Instant at);
}
