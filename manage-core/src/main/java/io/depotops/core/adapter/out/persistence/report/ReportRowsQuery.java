package io.depotops.core.adapter.out.persistence.report;

import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.report.ReportRows;
import io.depotops.core.domain.report.ReportKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Report rows straight from SQL, fetched in chunks through a cursor (inside the caller's transaction). */
@ApplicationScoped
class ReportRowsQuery implements ReportRows {

    private static final int FETCH_SIZE = 1000;

    /** Energy and duration as ChargingTransaction computes them; an active session has no duration yet. */
    private static final String CHARGING_SESSIONS = """
            select t.id, t.charge_point_id, t.evse_id, t.connector_id, v.fleet_number, v.vin, t.id_token,
                   t.started_at, t.ended_at,
                   cast(extract(epoch from t.ended_at - t.started_at) as bigint),
                   cast(greatest(coalesce(t.meter_stop_wh, t.meter_last_wh, t.meter_start_wh) - t.meter_start_wh, 0) / 1000.0 as double precision),
                   t.stop_reason, t.status
            from charging_transaction t left join vehicle v on v.id = t.vehicle_id
            where t.workspace_id = ?1 and t.started_at >= ?2 and t.started_at < ?3
              and (?4 = '' or t.charger_id in (select c.id from charger c join site s on s.id = c.site_id
                                                where s.depot_id = cast(nullif(?4, '') as uuid)))
            order by t.started_at, t.id
            """;

    /**
     * Each energy-register sample's rise over the previous one of its transaction (or over the
     * meter start), counted on the sample's day in the depot's zone.
     */
    private static final String ENERGY_PER_DAY = """
            with tx as (
                select t.id, t.meter_start_wh, t.charger_id, t.vehicle_id
                from charging_transaction t
                where t.workspace_id = ?1 and t.started_at < ?3 and (t.ended_at is null or t.ended_at >= ?2)
            ), rises as (
                select m.transaction_id, m.sampled_at,
                       greatest(m.energy_wh - coalesce(lag(m.energy_wh) over w, tx.meter_start_wh), 0) as added_wh
                from transaction_meter_sample m join tx on tx.id = m.transaction_id
                where m.energy_wh is not null
                window w as (partition by m.transaction_id order by m.sampled_at)
            )
            select cast(cast(r.sampled_at at time zone d.time_zone as date) as text), d.name, c.charge_point_id,
                   v.fleet_number, v.vin, cast(sum(r.added_wh) / 1000.0 as double precision), count(distinct r.transaction_id)
            from rises r
            join tx on tx.id = r.transaction_id
            join charger c on c.id = tx.charger_id
            join site s on s.id = c.site_id
            join depot d on d.id = s.depot_id
            left join vehicle v on v.id = tx.vehicle_id
            where r.sampled_at >= ?2 and r.sampled_at < ?3
              and (?4 = '' or d.id = cast(nullif(?4, '') as uuid))
            group by 1, 2, 3, 4, 5
            order by 1, 2, 3, 4 nulls first
            """;

    @Override
    public void stream(
            UUID workspaceId, ReportKind kind, Instant from, Instant to, UUID depotId, Consumer<List<Object>> sink) {
        String sql = switch (kind) {
            case CHARGING_SESSIONS -> CHARGING_SESSIONS;
            case ENERGY_PER_DAY -> ENERGY_PER_DAY;
        };
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, workspaceId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, depotId == null ? "" : depotId.toString())
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(
                    row -> sink.accept(Arrays.stream(row).map(SqlValues::plain).toList()));
        }
    }
}
