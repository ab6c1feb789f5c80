package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.domain.Depot;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class DepotRepositoryAdapter extends TenantRepositoryAdapter<DepotEntity, Depot> implements DepotRepository {

    private final KeysetPager<DepotEntity, Depot> pager = new KeysetPager<>(
            DepotEntity.class,
            Map.of("createdAt", Field.instant("createdAt"), "name", Field.text("name")),
            Map.of("timeZone", Field.text("timeZone")),
            e -> Map.of("createdAt", e.createdAt, "name", e.name),
            e -> e.id,
            this::toDomain);

    DepotRepositoryAdapter() {
        super(DepotEntity.class, "depot");
    }

    @Override
    public Optional<Depot> findByName(UUID workspaceId, String name) {
        return DepotEntity.<DepotEntity>find("workspaceId = ?1 and name = ?2", workspaceId, name)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    DepotEntity newEntity() {
        return new DepotEntity();
    }

    @Override
    void copy(Depot from, DepotEntity to) {
        to.name = from.name();
        to.address = from.address();
        to.timeZone = from.timeZone().getId();
    }

    @Override
    Depot toDomain(DepotEntity e) {
        return new Depot(e.id, e.workspaceId, e.name, e.address, ZoneId.of(e.timeZone), e.createdAt, e.version);
    }

    @Override
    UUID idOf(Depot resource) {
        return resource.id();
    }

    @Override
    UUID workspaceOf(Depot resource) {
        return resource.workspaceId();
    }

    @Override
    KeysetPager<DepotEntity, Depot> pager() {
        return pager;
    }
}
