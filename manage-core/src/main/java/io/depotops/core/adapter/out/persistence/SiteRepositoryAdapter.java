package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.domain.Site;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class SiteRepositoryAdapter extends TenantRepositoryAdapter<SiteEntity, Site> implements SiteRepository {

    private final KeysetPager<SiteEntity, Site> pager = new KeysetPager<>(
            SiteEntity.class,
            Map.of(
                    "createdAt", Field.instant("createdAt"),
                    "name", Field.text("name"),
                    "gridCapacityKw", Field.decimal("gridCapacityKw")),
            Map.of("depotId", Field.uuid("depotId")),
            e -> Map.of("createdAt", e.createdAt, "name", e.name, "gridCapacityKw", e.gridCapacityKw),
            e -> e.id,
            this::toDomain);

    SiteRepositoryAdapter() {
        super(SiteEntity.class, "site");
    }

    @Override
    public Optional<Site> findByName(UUID depotId, String name) {
        return SiteEntity.<SiteEntity>find("depotId = ?1 and name = ?2", depotId, name)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    SiteEntity newEntity() {
        return new SiteEntity();
    }

    @Override
    void copy(Site from, SiteEntity to) {
        to.depotId = from.depotId();
        to.name = from.name();
        to.gridCapacityKw = from.gridCapacityKw();
    }

    @Override
    Site toDomain(SiteEntity e) {
        return new Site(e.id, e.workspaceId, e.depotId, e.name, e.gridCapacityKw, e.createdAt, e.version);
    }

    @Override
    UUID idOf(Site resource) {
        return resource.id();
    }

    @Override
    UUID workspaceOf(Site resource) {
        return resource.workspaceId();
    }

    @Override
    KeysetPager<SiteEntity, Site> pager() {
        return pager;
    }
}
