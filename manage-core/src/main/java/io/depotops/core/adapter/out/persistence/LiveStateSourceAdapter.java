package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.LiveStateSource;
import io.depotops.core.application.port.TelematicsStore;
import io.depotops.core.application.port.TelematicsStore.Snapshot;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.DepotLiveState.ChargerState;
import io.depotops.core.domain.DepotLiveState.ConnectorState;
import io.depotops.core.domain.DepotLiveState.VehicleState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class LiveStateSourceAdapter implements LiveStateSource {

    private final TelematicsStore telematics;

    LiveStateSourceAdapter(TelematicsStore telematics) {
        this.telematics = telematics;
    }

    @Override
    public DepotLiveState load(UUID depotId) {
        List<ChargerState> chargers = ChargerEntity.<ChargerEntity>list(
                        "siteId in (select s.id from SiteEntity s where s.depotId = ?1) order by chargePointId",
                        depotId)
                .stream()
                .map(c -> new ChargerState(
                        c.id,
                        c.chargePointId,
                        c.siteId,
                        c.status,
                        c.online,
                        c.connectors.stream()
                                .map(k -> new ConnectorState(k.evseId, k.connectorId, k.status, k.statusUpdatedAt))
                                .toList(),
                        c.lastBootAt))
                .toList();
        List<VehicleEntity> depotVehicles = VehicleEntity.list("depotId = ?1 order by fleetNumber", depotId);
        Map<UUID, Snapshot> snapshots = telematics
                .snapshots(depotVehicles.stream().map(v -> v.id).toList())
                .stream()
                .collect(Collectors.toMap(Snapshot::vehicleId, snapshot -> snapshot));
        List<VehicleState> vehicles = depotVehicles.stream()
                .map(v -> {
                    Snapshot snapshot = snapshots.get(v.id);
                    return snapshot == null
                            ? new VehicleState(v.id, v.fleetNumber, null, null)
                            : new VehicleState(
                                    v.id,
                                    v.fleetNumber,
                                    snapshot.observation().stateOfChargePercent(),
                                    snapshot.observation().observedAt());
                })
                .toList();
        return new DepotLiveState(depotId, chargers, vehicles);
    }

    @Override
    public Optional<UUID> depotOfSite(UUID siteId) {
        return SiteEntity.<SiteEntity>findByIdOptional(siteId).map(site -> site.depotId);
    }
}
