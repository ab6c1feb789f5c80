package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.PriorityRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PriorityRepositoryAdapter implements PriorityRepository {

    @Override
    public void set(UUID workspaceId, Target target, UUID id, Optional<Integer> level) {
        var em = Panache.getEntityManager();
        if (level.isEmpty()) {
            em.createNativeQuery(
                            "delete from charging_priority where workspace_id = ?1 and target_type = ?2 and target_id = ?3")
                    .setParameter(1, workspaceId)
                    .setParameter(2, type(target))
                    .setParameter(3, id)
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("""
                        insert into charging_priority (workspace_id, target_type, target_id, level) values (?1, ?2, ?3, ?4)
                        on conflict (workspace_id, target_type, target_id) do update set level = excluded.level
                        """)
                .setParameter(1, workspaceId)
                .setParameter(2, type(target))
                .setParameter(3, id)
                .setParameter(4, level.get().shortValue())
                .executeUpdate();
    }

    @Override
    public Map<UUID, Integer> levels(UUID workspaceId, Target target) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select target_id, level from charging_priority where workspace_id = ?1 and target_type = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, type(target))
                .getResultList();
        Map<UUID, Integer> levels = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            levels.put((UUID) columns[0], ((Number) columns[1]).intValue());
        }
        return levels;
    }

    private static String type(Target target) {
        return target.name().toLowerCase(Locale.ROOT);
    }
}
