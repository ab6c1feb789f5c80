package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.port.ResourceGroupRepository;
import io.depotops.core.domain.ResourceGroup;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class ResourceGroupRepositoryAdapter extends TenantRepositoryAdapter<ResourceGroupEntity, ResourceGroup>
        implements ResourceGroupRepository {

    private static final String CHARGER = "charger";
    private static final String VEHICLE = "vehicle";

    private final KeysetPager<ResourceGroupEntity, ResourceGroup> pager = new KeysetPager<>(
            ResourceGroupEntity.class,
            Map.of("createdAt", Field.instant("createdAt"), "name", Field.text("name")),
            Map.of(),
            e -> Map.of("createdAt", e.createdAt, "name", e.name),
            e -> e.id,
            this::toDomain);

    ResourceGroupRepositoryAdapter() {
        super(ResourceGroupEntity.class, "group");
    }

    @Override
    public Optional<ResourceGroup> findByName(UUID workspaceId, String name) {
        return ResourceGroupEntity.<ResourceGroupEntity>find("workspaceId = ?1 and name = ?2", workspaceId, name)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    public Map<UUID, Set<UUID>> groupsOfVehicles(UUID workspaceId) {
        List<?> rows = em().createNativeQuery("""
                        select m.member_id, m.group_id from resource_group_member m
                        join resource_group g on g.id = m.group_id
                        where g.workspace_id = ?1 and m.member_type = 'vehicle'
                        """).setParameter(1, workspaceId).getResultList();
        Map<UUID, Set<UUID>> groups = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            groups.computeIfAbsent((UUID) columns[0], vehicle -> new HashSet<>())
                    .add((UUID) columns[1]);
        }
        return groups;
    }

    @Override
    EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    ResourceGroupEntity newEntity() {
        return new ResourceGroupEntity();
    }

    @Override
    void copy(ResourceGroup from, ResourceGroupEntity to) {
        to.name = from.name();
        to.description = from.description();
        to.members.clear();
        from.chargerIds().forEach(id -> to.members.add(new GroupMemberEmbeddable(CHARGER, id)));
        from.vehicleIds().forEach(id -> to.members.add(new GroupMemberEmbeddable(VEHICLE, id)));
    }

    @Override
    ResourceGroup toDomain(ResourceGroupEntity e) {
        return new ResourceGroup(
                e.id,
                e.workspaceId,
                e.name,
                e.description,
                membersOf(e, CHARGER),
                membersOf(e, VEHICLE),
                e.createdAt,
                e.version);
    }

    private static Set<UUID> membersOf(ResourceGroupEntity e, String type) {
        return e.members.stream()
                .filter(member -> type.equals(member.memberType))
                .map(member -> member.memberId)
                .collect(Collectors.toSet());
    }

    @Override
    UUID idOf(ResourceGroup resource) {
        return resource.id();
    }

    @Override
    UUID workspaceOf(ResourceGroup resource) {
        return resource.workspaceId();
    }

    @Override
    KeysetPager<ResourceGroupEntity, ResourceGroup> pager() {
        return pager;
    }
}
