package io.depotops.core.adapter.out.persistence.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.plan.PlanInputsRepository;
import io.depotops.core.domain.plan.PlanningInputs;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** {@code depot_plan_inputs}, the inputs as JSON; plugged-in vehicles from the open transactions. */
@ApplicationScoped
class PlanInputsRepositoryAdapter implements PlanInputsRepository {

    private final ObjectMapper json;

    PlanInputsRepositoryAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional
    public List<PlannedDepot> plannedDepots() {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select workspace_id, depot_id from depot_plan order by depot_id")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new PlannedDepot((UUID) row[0], (UUID) row[1]))
                .toList();
    }

    @Override
    @Transactional
    public Optional<PlanningInputs> find(UUID depotId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select cast(inputs as text) from depot_plan_inputs where depot_id = ?1")
                .setParameter(1, depotId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            try {
                return json.readValue((String) row, PlanningInputs.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored plan inputs of depot " + depotId + " unreadable", e);
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(UUID workspaceId, UUID depotId, PlanningInputs inputs, Instant plannedAt) {
        String text;
        try {
            text = json.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan inputs not serialisable", e);
        }
        Panache.getEntityManager()
                .createNativeQuery("insert into depot_plan_inputs (depot_id, workspace_id, planned_at, inputs)"
                        + " values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict (depot_id) do update set"
                        + " planned_at = excluded.planned_at, inputs = excluded.inputs")
                .setParameter(1, depotId)
                .setParameter(2, workspaceId)
                .setParameter(3, plannedAt)
                .setParameter(4, text)
                .executeUpdate();
    }

    @Override
    @Transactional
    public Set<String> pluggedIn(UUID workspaceId, UUID depotId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select t.charger_id, t.evse_id, t.connector_id, t.vehicle_id"
                        + " from charging_transaction t join charger c on c.id = t.charger_id"
                        + " join site s on s.id = c.site_id"
                        + " where t.workspace_id = ?1 and s.depot_id = ?2 and t.status = 'Active'")
                .setParameter(1, workspaceId)
                .setParameter(2, depotId)
                .getResultList();
        Set<String> plugged = new TreeSet<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            plugged.add(r[0] + "/" + r[1] + "/" + r[2] + ":" + r[3]);
        }
        return plugged;
    }
}
