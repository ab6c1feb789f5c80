package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.LiveStateSource;
import io.depotops.core.domain.DepotLiveState;
import io.depotops.core.domain.DepotLiveState.ChargerState;
import io.depotops.core.domain.DepotLiveState.ConnectorState;
import io.depotops.core.domain.DepotLiveState.VehicleState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class LiveStateSourceAdapter implements LiveStateSource {

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
        List<VehicleState> vehicles =
                VehicleEntity.<VehicleEntity>list("depotId = ?1 order by fleetNumber", depotId).stream()
                        .map(v -> new VehicleState(v.id, v.fleetNumber, null, null))
                        .toList();
        return new DepotLiveState(depotId, chargers, vehicles);
    }

    @Override
    public Optional<UUID> depotOfSite(UUID siteId) {
        return SiteEntity.<SiteEntity>findByIdOptional(siteId).map(site -> site.depotId);
    }
}
