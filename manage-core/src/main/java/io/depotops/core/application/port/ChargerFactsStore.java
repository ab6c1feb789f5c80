package io.depotops.core.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records what chargers report, a batch at a time with one set-based conditional update per kind:
 * a fact older than the one stored changes nothing, unknown chargers and connectors are skipped,
 * and no edit of the charger by an operator is overwritten or made stale. Within a batch the newest
 * fact per charger (or connector) is the one applied; of equal times, the last in the list. Each
 * method returns the depots whose chargers changed.
 */
public interface ChargerFactsStore {

    record ConnectorStatus(String chargePointId, int evseId, int connectorId, String status, Instant at) {}

    /** Status of the charger as a whole (OCPP 1.6 connector 0). */
    record ChargerStatus(String chargePointId, String status, Instant at) {}

    record Connectivity(String chargePointId, boolean online, Instant at) {}

    record Boot(String chargePointId, String status, String firmwareVersion, String serialNumber, Instant at) {}

    Set<UUID> connectorStatuses(List<ConnectorStatus> statuses);

    Set<UUID> chargerStatuses(List<ChargerStatus> statuses);

    Set<UUID> connectivity(List<Connectivity> facts);

    /** Boots connect answered: status, firmware and serial number, if newer than the last boot stored. */
    Set<UUID> booted(List<Boot> boots);
}
