package io.depotops.core.adapter.out.persistence.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.load.AllocationView;
import io.depotops.core.application.load.LoadManagementStore;
import io.depotops.core.domain.load.PhaseAmps;
import io.depotops.core.domain.load.SessionKey;
import io.depotops.core.domain.load.SiteMeasurement;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Load management's state in PostgreSQL (tables of V17). */
@ApplicationScoped
class LoadManagementStoreAdapter implements LoadManagementStore {

    /**
     * A site's active transactions with the most their connector may take and the newest power
     * their meter values reported (0 before the first).
     */
    private static final String ACTIVE_SESSIONS = """
            select t.charger_id, t.evse_id, t.vehicle_id,
                   coalesce(k.max_power_kw, c.max_power_kw),
                   coalesce((select m.power_w from transaction_meter_sample m
                             where m.transaction_id = t.id and m.power_w is not null
                             order by m.sampled_at desc limit 1), 0) / 1000.0
            from charging_transaction t
            join charger c on c.id = t.charger_id
            left join connector k on k.charger_id = t.charger_id and k.evse_id = t.evse_id
                                 and k.connector_id = t.connector_id
            where t.workspace_id = ?1 and c.site_id = ?2 and t.status = 'Active'
            order by t.charger_id, t.evse_id, t.started_at desc
            """;

    private final ObjectMapper json;

    LoadManagementStoreAdapter(ObjectMapper json) {
        this.json = json;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    public boolean recordNodeLoad(UUID workspaceId, UUID siteId, SiteMeasurement load) {
        // The site must be the workspace's; a newer row stays (out-of-order events do not go back).
        List<?> known = em().createNativeQuery("select 1 from site where id = ?1 and workspace_id = ?2")
                .setParameter(1, siteId)
                .setParameter(2, workspaceId)
                .getResultList();
        if (known.isEmpty()) {
            return false;
        }
        // NaN stands for "none" in the parameters (a null has no SQL type) and is stored as null.
        em().createNativeQuery("""
                        insert into site_node_load (site_id, node_id, workspace_id, measured_at, load_kw, limit_kw,
                               current_l1_a, current_l2_a, current_l3_a, limit_l1_a, limit_l2_a, limit_l3_a)
                        values (?1, ?2, ?3, ?4, ?5, nullif(?6, cast('NaN' as double precision)),
                               nullif(?7, cast('NaN' as double precision)), nullif(?8, cast('NaN' as double precision)),
                               nullif(?9, cast('NaN' as double precision)), nullif(?10, cast('NaN' as double precision)),
                               nullif(?11, cast('NaN' as double precision)), nullif(?12, cast('NaN' as double precision)))
                        on conflict (site_id, node_id) do update
                          set measured_at = excluded.measured_at, load_kw = excluded.load_kw,
                              limit_kw = excluded.limit_kw,
                              current_l1_a = excluded.current_l1_a, current_l2_a = excluded.current_l2_a,
                              current_l3_a = excluded.current_l3_a, limit_l1_a = excluded.limit_l1_a,
                              limit_l2_a = excluded.limit_l2_a, limit_l3_a = excluded.limit_l3_a
                          where site_node_load.measured_at < excluded.measured_at
                        """)
                .setParameter(1, siteId)
                .setParameter(2, load.nodeId())
                .setParameter(3, workspaceId)
                .setParameter(4, load.measuredAt())
                .setParameter(5, load.loadKw())
                .setParameter(6, orNaN(load.limitKw()))
                .setParameter(7, orNaN(load.currentA().l1()))
                .setParameter(8, orNaN(load.currentA().l2()))
                .setParameter(9, orNaN(load.currentA().l3()))
                .setParameter(10, orNaN(load.limitA().l1()))
                .setParameter(11, orNaN(load.limitA().l2()))
                .setParameter(12, orNaN(load.limitA().l3()))
                .executeUpdate();
        return true;
    }

    @Override
    public void lockSite(UUID siteId) {
        em().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 17))")
                .setParameter(1, siteId)
                .getResultList();
    }

    @Override
    public List<SiteMeasurement> nodeLoads(UUID siteId) {
        List<?> rows = em().createNativeQuery("""
                        select node_id, measured_at, load_kw, limit_kw, current_l1_a, current_l2_a, current_l3_a,
                               limit_l1_a, limit_l2_a, limit_l3_a
                          from site_node_load where site_id = ?1
                        """).setParameter(1, siteId).getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new SiteMeasurement(
                        (String) row[0],
                        SqlValues.instant(row[1]),
                        ((Number) row[2]).doubleValue(),
                        number(row[3]),
                        new PhaseAmps(number(row[4]), number(row[5]), number(row[6])),
                        new PhaseAmps(number(row[7]), number(row[8]), number(row[9]))))
                .toList();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    @Override
    public List<ActiveSession> activeSessions(UUID workspaceId, UUID siteId) {
        List<?> rows = em().createNativeQuery(ACTIVE_SESSIONS)
                .setParameter(1, workspaceId)
                .setParameter(2, siteId)
                .getResultList();
        Map<SessionKey, ActiveSession> byEvse = new java.util.LinkedHashMap<>();
        for (Object raw : rows) {
            Object[] row = (Object[]) raw;
            SessionKey key = new SessionKey((UUID) row[0], ((Number) row[1]).intValue());
            // One session per EVSE: of two "active" ones (an end that never came) the newest counts.
            byEvse.putIfAbsent(
                    key,
                    new ActiveSession(
                            key, (UUID) row[2], ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue()));
        }
        return List.copyOf(byEvse.values());
    }

    @Override
    public Map<SessionKey, SentLimit> sentLimits(UUID siteId) {
        List<?> rows = em().createNativeQuery("""
                        select s.charger_id, s.evse_id, s.limit_kw, s.sent_at
                        from evse_limit_sent s join charger c on c.id = s.charger_id
                        where c.site_id = ?1
                        """).setParameter(1, siteId).getResultList();
        Map<SessionKey, SentLimit> sent = new HashMap<>();
        for (Object raw : rows) {
            Object[] row = (Object[]) raw;
            sent.put(
                    new SessionKey((UUID) row[0], ((Number) row[1]).intValue()),
                    new SentLimit(((Number) row[2]).doubleValue(), SqlValues.instant(row[3])));
        }
        return sent;
    }

    @Override
    public void recordSent(SessionKey key, double limitKw, Instant at, UUID commandId) {
        em().createNativeQuery("""
                        insert into evse_limit_sent (charger_id, evse_id, limit_kw, sent_at, command_id)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (charger_id, evse_id) do update
                          set limit_kw = excluded.limit_kw, sent_at = excluded.sent_at,
                              command_id = excluded.command_id
                        """)
                .setParameter(1, key.chargerId())
                .setParameter(2, key.evseId())
                .setParameter(3, limitKw)
                .setParameter(4, at)
                .setParameter(5, commandId)
                .executeUpdate();
    }

    @Override
    public void saveAllocation(UUID workspaceId, UUID siteId, Instant at, AllocationView allocation) {
        em().createNativeQuery("""
                        insert into site_allocation (site_id, workspace_id, computed_at, allocation)
                        values (?1, ?2, ?3, cast(?4 as jsonb))
                        on conflict (site_id) do update
                          set computed_at = excluded.computed_at, allocation = excluded.allocation
                        """)
                .setParameter(1, siteId)
                .setParameter(2, workspaceId)
                .setParameter(3, at)
                .setParameter(4, write(allocation))
                .executeUpdate();
    }

    @Override
    public Optional<AllocationView> allocation(UUID workspaceId, UUID siteId) {
        List<?> rows = em().createNativeQuery(
                        "select cast(allocation as text) from site_allocation where site_id = ?1 and workspace_id = ?2")
                .setParameter(1, siteId)
                .setParameter(2, workspaceId)
                .getResultList();
        return rows.stream().findFirst().map(row -> read((String) row));
    }

    @Override
    public void appendHistory(UUID workspaceId, UUID siteId, Instant at, AllocationView allocation) {
        em().createNativeQuery("""
                        insert into site_allocation_history (site_id, workspace_id, computed_at, allocation)
                        values (?1, ?2, ?3, cast(?4 as jsonb))
                        """)
                .setParameter(1, siteId)
                .setParameter(2, workspaceId)
                .setParameter(3, at)
                .setParameter(4, write(allocation))
                .executeUpdate();
    }

    @Override
    public List<AllocationView> history(UUID workspaceId, UUID siteId, Instant from, Instant to, int limit) {
        List<?> rows = em().createNativeQuery("""
                        select cast(allocation as text) from site_allocation_history
                         where site_id = ?1 and workspace_id = ?2 and computed_at >= ?3 and computed_at < ?4
                         order by computed_at desc, id desc
                         limit ?5
                        """)
                .setParameter(1, siteId)
                .setParameter(2, workspaceId)
                .setParameter(3, from)
                .setParameter(4, to)
                .setParameter(5, limit)
                .getResultList();
        return rows.stream().map(row -> read((String) row)).toList();
    }

    @Override
    public List<ManagedSite> managedSites() {
        List<?> rows = em().createNativeQuery("select distinct workspace_id, site_id from site_node_load")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new ManagedSite((UUID) row[0], (UUID) row[1]))
                .toList();
    }

    private String write(AllocationView allocation) {
        try {
            return json.writeValueAsString(allocation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allocation not serialisable", e);
        }
    }

    private AllocationView read(String value) {
        try {
            return json.readValue(value, AllocationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored allocation unreadable", e);
        }
    }
}
