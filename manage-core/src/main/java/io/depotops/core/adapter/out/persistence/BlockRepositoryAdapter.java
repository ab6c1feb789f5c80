package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.port.BlockRepository;
import io.depotops.core.domain.VehicleBlock;
import io.depotops.core.domain.VehicleBlock.Recurrence;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
class BlockRepositoryAdapter extends TenantRepositoryAdapter<VehicleBlockEntity, VehicleBlock>
        implements BlockRepository {

    private final KeysetPager<VehicleBlockEntity, VehicleBlock> pager = new KeysetPager<>(
            VehicleBlockEntity.class,
            Map.of(
                    "createdAt",
                    Field.instant("createdAt"),
                    "departureAt",
                    Field.instant("departureAt"),
                    "name",
                    Field.text("name")),
            Map.of("depotId", Field.uuid("depotId"), "vehicleId", Field.uuid("vehicleId")),
            e -> Map.of("createdAt", e.createdAt, "departureAt", e.departureAt, "name", e.name),
            e -> e.id,
            this::toDomain);

    BlockRepositoryAdapter() {
        super(VehicleBlockEntity.class, "block");
    }

    @Override
    public List<VehicleBlock> ofDepot(UUID workspaceId, UUID depotId) {
        return VehicleBlockEntity.<VehicleBlockEntity>list("workspaceId = ?1 and depotId = ?2", workspaceId, depotId)
                .stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<VehicleBlock> ofVehicle(UUID workspaceId, UUID vehicleId) {
        return VehicleBlockEntity.<VehicleBlockEntity>list(
                        "workspaceId = ?1 and vehicleId = ?2", workspaceId, vehicleId)
                .stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    VehicleBlockEntity newEntity() {
        return new VehicleBlockEntity();
    }

    @Override
    void copy(VehicleBlock from, VehicleBlockEntity to) {
        to.depotId = from.depotId();
        to.name = from.name();
        to.departureAt = from.departureAt();
        to.returnAt = from.returnAt();
        to.requiredEnergyKwh = from.requiredEnergyKwh();
        to.requiredDistanceKm = from.requiredDistanceKm();
        to.recurrence = from.recurrence().name();
        to.vehicleId = from.vehicleId();
    }

    @Override
    VehicleBlock toDomain(VehicleBlockEntity e) {
        return new VehicleBlock(
                e.id,
                e.workspaceId,
                e.depotId,
                e.name,
                e.departureAt,
                e.returnAt,
                e.requiredEnergyKwh,
                e.requiredDistanceKm,
                Recurrence.valueOf(e.recurrence),
                e.vehicleId,
                e.createdAt,
                e.version);
    }

    @Override
    UUID idOf(VehicleBlock resource) {
        return resource.id();
    }

    @Override
    UUID workspaceOf(VehicleBlock resource) {
        return resource.workspaceId();
    }

    @Override
    KeysetPager<VehicleBlockEntity, VehicleBlock> pager() {
        return pager;
    }
}
