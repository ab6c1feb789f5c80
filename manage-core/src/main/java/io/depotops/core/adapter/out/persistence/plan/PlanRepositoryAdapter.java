package io.depotops.core.adapter.out.persistence.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.plan.PlanRepository;
import io.depotops.core.domain.plan.ChargingPlan;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The latest plan per depot in {@code depot_plan}, the plan itself as JSON. */
@ApplicationScoped
class PlanRepositoryAdapter implements PlanRepository {

    private final ObjectMapper json;

    PlanRepositoryAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<ChargingPlan> find(UUID workspaceId, UUID depotId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select cast(plan as text) from depot_plan where workspace_id = ?1 and depot_id = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, depotId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            try {
                return json.readValue((String) row, ChargingPlan.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored plan of depot " + depotId + " unreadable", e);
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(ChargingPlan plan) {
        String text;
        try {
            text = json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan not serialisable", e);
        }
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into depot_plan (depot_id, workspace_id, version, created_at, expires_at, plan)"
                                + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb)) on conflict (depot_id) do update set"
                                + " version = excluded.version, created_at = excluded.created_at,"
                                + " expires_at = excluded.expires_at, plan = excluded.plan")
                .setParameter(1, plan.depotId())
                .setParameter(2, plan.workspaceId())
                .setParameter(3, plan.version())
                .setParameter(4, plan.createdAt())
                .setParameter(5, plan.expiresAt())
                .setParameter(6, text)
                .executeUpdate();
    }
}
