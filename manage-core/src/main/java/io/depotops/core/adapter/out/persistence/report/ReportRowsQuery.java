package io.depotops.core.adapter.out.persistence.report;

import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.report.ReportRows;
import io.depotops.core.domain.DepartureReadiness;
import io.depotops.core.domain.report.ReportKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
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

    /**
     * Occurrences of the assigned blocks departing in [from, to): a one-off block once, a DAILY
     * or WEEKDAYS one on each (week)day at its departure's local time in the depot's zone, from
     * its first departure on. Per occurrence the newest SoC observed at or before it.
     */
    private static final String DEPARTURE_READINESS = """
            with blocks as (
                select b.id, b.name, b.departure_at, b.recurrence, b.required_energy_kwh, b.required_distance_km,
                       b.vehicle_id, d.name as depot_name, d.time_zone
                from vehicle_block b join depot d on d.id = b.depot_id
                where b.workspace_id = ?1 and b.vehicle_id is not null and b.departure_at < ?3
                  and (?4 = '' or b.depot_id = cast(nullif(?4, '') as uuid))
            ), occurrences as (
                select bl.*, bl.departure_at as departs_at from blocks bl where bl.recurrence = 'NONE'
                union all
                select bl.*, (cast(day as date) + cast(bl.departure_at at time zone bl.time_zone as time))
                             at time zone bl.time_zone
                from blocks bl
                cross join lateral generate_series(
                        cast(cast(greatest(cast(?2 as timestamptz), bl.departure_at) at time zone bl.time_zone as date) as timestamp),
                        cast(cast(cast(?3 as timestamptz) at time zone bl.time_zone as date) as timestamp),
                        interval '1 day') as day
                where bl.recurrence = 'DAILY' or (bl.recurrence = 'WEEKDAYS' and extract(isodow from day) < 6)
            ), assessed as (
                select o.departs_at, o.depot_name, o.name, v.fleet_number, v.vin,
                       round(coalesce(o.required_energy_kwh, o.required_distance_km * v.efficiency_kwh_per_km)
                             / v.battery_kwh * 100 + ?5, 1) as needed,
                       soc.soc_percent, soc.observed_at
                from occurrences o
                join vehicle v on v.id = o.vehicle_id
                left join lateral (
                    select h.soc_percent, h.observed_at from vehicle_telematics_history h
                    where h.vehicle_id = o.vehicle_id and h.observed_at <= o.departs_at and h.soc_percent is not null
                    order by h.observed_at desc limit 1) soc on true
                where o.departs_at >= ?2 and o.departs_at < ?3 and o.departs_at >= o.departure_at
            )
            , required as (
                select assessed.*, case when needed is null then null else least(100, needed) end as required
                from assessed
            )
            select departs_at, depot_name, name, fleet_number, vin,
                   cast(required as double precision), cast(soc_percent as double precision), observed_at,
                   case when required is null then 'NO_CONSUMPTION'
                        when soc_percent is null then 'NO_SOC'
                        when soc_percent >= required then 'READY'
                        else 'BELOW_TARGET' end
            from required
            order by departs_at, name
            """;

    @Override
    public void stream(
            UUID workspaceId, ReportKind kind, Instant from, Instant to, UUID depotId, Consumer<List<Object>> sink) {
        String sql = switch (kind) {
            case CHARGING_SESSIONS -> CHARGING_SESSIONS;
            case ENERGY_PER_DAY -> ENERGY_PER_DAY;
            case DEPARTURE_READINESS -> DEPARTURE_READINESS;
            case CHARGER_MESSAGE_LOG -> throw new IllegalArgumentException("a message log is not read from SQL");
        };
        Query query = Panache.getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, workspaceId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, depotId == null ? "" : depotId.toString());
        if (kind == ReportKind.DEPARTURE_READINESS) {
            query.setParameter(5, DepartureReadiness.RESERVE_PERCENT);
        }
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = query.setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(
                    row -> sink.accept(Arrays.stream(row).map(SqlValues::plain).toList()));
        }
    }
}
