package io.depotops.core.adapter.out.persistence;

import io.depotops.core.application.port.RegistryFeed;
import io.depotops.core.domain.OcppVersion;
import io.depotops.core.domain.RegistryEntry;
import io.depotops.core.domain.RegistryEntry.ChargerEntry;
import io.depotops.core.domain.RegistryEntry.IdTokenEntry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The feed in tables {@code registry_head} and {@code registry_change} (V11); an entry's state is
 * read from {@code charger} / {@code vehicle} when the feed is read, so it is always the latest.
 */
@ApplicationScoped
class RegistryFeedAdapter implements RegistryFeed {

    // Taking the next sequence locks registry_head's row until the writer commits (see V11).
    private static final String RECORD = """
            with next as (update registry_head set seq = seq + 1 where id = 1 returning seq)
            insert into registry_change (kind, workspace_id, entry_key, seq)
            select ?1, ?2, ?3, next.seq from next
            on conflict (kind, workspace_id, entry_key) do update set seq = excluded.seq
            returning seq
            """;

    private static final String ENTRIES = """
            select rc.seq, rc.kind, rc.workspace_id, rc.entry_key,
                   c.ocpp_version, c.security_profile, c.password_hash, (c.id is not null) as charger_exists,
                   v.id as vehicle_id
            from registry_change rc
            left join charger c on rc.kind = 'CHARGER' and c.charge_point_id = rc.entry_key
                                and c.workspace_id = rc.workspace_id
            left join vehicle v on rc.kind = 'ID_TOKEN' and v.workspace_id = rc.workspace_id
                                and v.id_tag = rc.entry_key
            """;

    @Override
    public long chargerChanged(UUID workspaceId, String chargePointId) {
        return record("CHARGER", workspaceId, chargePointId);
    }

    @Override
    public long idTokenChanged(UUID workspaceId, String idToken) {
        return record("ID_TOKEN", workspaceId, idToken);
    }

    private static long record(String kind, UUID workspaceId, String key) {
        return ((Number) em().createNativeQuery(RECORD)
                        .setParameter(1, kind)
                        .setParameter(2, workspaceId)
                        .setParameter(3, key)
                        .getSingleResult())
                .longValue();
    }

    @Override
    public RegistryEntry.Slice changesAfter(long seq, int limit) {
        long head = ((Number) em().createNativeQuery("select seq from registry_head where id = 1")
                        .getSingleResult())
                .longValue();
        List<?> rows = em().createNativeQuery(ENTRIES + " where rc.seq > ?1 and rc.seq <= ?2 order by rc.seq limit ?3")
                .setParameter(1, seq)
                .setParameter(2, head)
                .setParameter(3, limit)
                .getResultList();
        List<RegistryEntry> entries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            entries.add(entry((Object[]) row));
        }
        return new RegistryEntry.Slice(entries, head);
    }

    @Override
    public Optional<RegistryEntry> charger(String chargePointId) {
        return first(em().createNativeQuery(ENTRIES + " where rc.kind = 'CHARGER' and rc.entry_key = ?1")
                .setParameter(1, chargePointId)
                .getResultList());
    }

    @Override
    public Optional<RegistryEntry> idToken(UUID workspaceId, String idToken) {
        return first(em().createNativeQuery(
                        ENTRIES + " where rc.kind = 'ID_TOKEN' and rc.workspace_id = ?1 and rc.entry_key = ?2")
                .setParameter(1, workspaceId)
                .setParameter(2, idToken)
                .getResultList());
    }

    /** The live entry if there is one, else the latest removal (an entry key may have both). */
    private static Optional<RegistryEntry> first(List<?> rows) {
        RegistryEntry found = null;
        for (Object row : rows) {
            RegistryEntry entry = entry((Object[]) row);
            if (found == null || (found.removed() && !entry.removed())) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    private static RegistryEntry entry(Object[] row) {
        long seq = ((Number) row[0]).longValue();
        UUID workspaceId = (UUID) row[2];
        String key = (String) row[3];
        if ("CHARGER".equals(row[1])) {
            boolean exists = Boolean.TRUE.equals(row[7]);
            return exists
                    ? new ChargerEntry(
                            seq,
                            workspaceId,
                            key,
                            false,
                            OcppVersion.fromLabel((String) row[4]),
                            ((Number) row[5]).intValue(),
                            (String) row[6])
                    : new ChargerEntry(seq, workspaceId, key, true, null, null, null);
        }
        UUID vehicleId = (UUID) row[8];
        return new IdTokenEntry(seq, workspaceId, key, vehicleId == null, vehicleId);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
