package io.depotops.core.adapter.out.persistence.chart;

import io.depotops.core.application.chart.MeterSamples;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Raw meter samples and their per-minute rollups, written set-based: a batch's readings are one
 * insert from arrays, then one statement recomputes the transaction-minutes they touch from the raw
 * samples and adds each one's change to its depot-minute (ADR 0015, amendment).
 */
@ApplicationScoped
class MeterSampleStore implements MeterSamples {

    /** The rollups' minutes are UTC minutes whatever the session's time zone. */
    static final String MINUTE = "date_bin('1 minute', %s, timestamptz '2000-01-01 00:00:00+00')";

    /**
     * Serialises rollup writers per transaction (two-key advisory locks: a space of their own), so
     * that a recomputation always sees the other writer's committed samples; in id order, so two
     * batches cannot deadlock.
     */
    private static final String LOCK = """
            select pg_advisory_xact_lock(1131, hashint8(id)) from (
                select distinct id from unnest(?::bigint[]) as u(id) order by id) ids
            """;

    private static final String INSERT = """
            insert into transaction_meter_sample (transaction_id, sampled_at, energy_wh, power_w)
            select * from unnest(?::bigint[], ?::timestamptz[], ?::bigint[], ?::float8[])
            on conflict do nothing
            """;

    /**
     * The minutes a batch changes: each reading's minute, and the minute of the register reading
     * that follows it (whose derived power and added energy start from it).
     */
    private static final String TOUCHED = """
            with batch as (select * from unnest(?::bigint[], ?::timestamptz[]) as u(transaction_id, sampled_at))
            select distinct transaction_id, %1$s as minute from (
                select transaction_id, sampled_at from batch
                union all
                select b.transaction_id, n.sampled_at from batch b cross join lateral (
                    select m.sampled_at from transaction_meter_sample m
                    where m.transaction_id = b.transaction_id and m.sampled_at > b.sampled_at
                      and m.energy_wh is not null
                    order by m.sampled_at limit 1) n
            ) s
            """.formatted(MINUTE.formatted("sampled_at"));

    /**
     * Values the samples of the {@code affected} transaction-minutes exactly as the raw chart query
     * does (see {@link MeterSampleCharts}); a minute's first register reading rises from the one
     * before it, which may lie in an earlier minute.
     */
    private static final String VALUED_BY_MINUTE = """
            affected as (%s), registers as (
                select a.transaction_id, a.minute, m.sampled_at, m.energy_wh, m.power_w,
                       coalesce(lag(m.energy_wh) over w, before.energy_wh, t.meter_start_wh) as previous_wh,
                       coalesce(lag(m.sampled_at) over w, before.sampled_at, t.started_at) as previous_at
                from affected a
                join charging_transaction t on t.id = a.transaction_id
                join transaction_meter_sample m on m.transaction_id = a.transaction_id
                    and m.sampled_at >= a.minute and m.sampled_at < a.minute + interval '1 minute'
                    and m.energy_wh is not null
                left join lateral (
                    select b.energy_wh, b.sampled_at from transaction_meter_sample b
                    where b.transaction_id = a.transaction_id and b.sampled_at < a.minute and b.energy_wh is not null
                    order by b.sampled_at desc limit 1) before on true
                window w as (partition by a.transaction_id, a.minute order by m.sampled_at)
            ), valued as (
                select transaction_id, minute,
                       greatest(coalesce(power_w, (energy_wh - previous_wh) * 3600.0
                           / nullif(extract(epoch from sampled_at - previous_at), 0)), 0) as power_w,
                       greatest(energy_wh - previous_wh, 0) as added_wh
                from registers
                union all
                select a.transaction_id, a.minute, greatest(m.power_w, 0), 0
                from affected a join transaction_meter_sample m on m.transaction_id = a.transaction_id
                    and m.sampled_at >= a.minute and m.sampled_at < a.minute + interval '1 minute'
                    and m.energy_wh is null
            )
            """;

    /**
     * The same valuation for whole transactions at once (one window over each transaction's
     * registers instead of a look-back per minute), for rebuilds.
     */
    private static final String VALUED_BY_TRANSACTION =
            """
            affected as (
                select distinct transaction_id, %1$s as minute from transaction_meter_sample
                where transaction_id = any(?::bigint[])
            ), registers as (
                select m.transaction_id, m.sampled_at, m.energy_wh, m.power_w,
                       coalesce(lag(m.energy_wh) over w, t.meter_start_wh) as previous_wh,
                       coalesce(lag(m.sampled_at) over w, t.started_at) as previous_at
                from transaction_meter_sample m join charging_transaction t on t.id = m.transaction_id
                where m.transaction_id = any(?::bigint[]) and m.energy_wh is not null
                window w as (partition by m.transaction_id order by m.sampled_at)
            ), valued as (
                select transaction_id, %2$s as minute,
                       greatest(coalesce(power_w, (energy_wh - previous_wh) * 3600.0
                           / nullif(extract(epoch from sampled_at - previous_at), 0)), 0) as power_w,
                       greatest(energy_wh - previous_wh, 0) as added_wh
                from registers
                union all
                select transaction_id, %2$s, greatest(power_w, 0), 0
                from transaction_meter_sample where transaction_id = any(?::bigint[]) and energy_wh is null
            )
            """.formatted(MINUTE.formatted("sampled_at"), MINUTE.formatted("sampled_at"));

    /**
     * Upserts the {@code valued} samples' transaction-minutes and adds their change to the depot's
     * minute (a minute that lost its samples keeps its rollup).
     */
    private static final String ROLL_UP = """
            with %s, old as (
                select r.transaction_id, r.minute, r.depot_id, r.power_sum_w / r.samples as power_w, r.added_wh
                from transaction_meter_minute r join affected a using (transaction_id, minute)
            ), upserted as (
                insert into transaction_meter_minute
                    (transaction_id, minute, charger_id, vehicle_id, depot_id, power_sum_w, samples, added_wh)
                select v.transaction_id, v.minute, t.charger_id, t.vehicle_id, s.depot_id,
                       sum(v.power_w), count(*), sum(v.added_wh)
                from valued v
                join charging_transaction t on t.id = v.transaction_id
                left join charger c on c.id = t.charger_id
                left join site s on s.id = c.site_id
                group by 1, 2, 3, 4, 5
                on conflict (transaction_id, minute) do update set
                    power_sum_w = excluded.power_sum_w, samples = excluded.samples, added_wh = excluded.added_wh,
                    vehicle_id = excluded.vehicle_id, depot_id = excluded.depot_id
                returning transaction_id, minute, depot_id, power_sum_w / samples as power_w, added_wh
            ), changes as (
                select depot_id, minute, power_w, added_wh from upserted
                union all
                select o.depot_id, o.minute, -o.power_w, -o.added_wh
                from old o join upserted u using (transaction_id, minute)
            )
            insert into depot_meter_minute (depot_id, minute, power_w, added_wh)
            select depot_id, minute, sum(power_w), sum(added_wh) from changes
            where depot_id is not null group by 1, 2
            on conflict (depot_id, minute) do update set
                power_w = depot_meter_minute.power_w + excluded.power_w,
                added_wh = depot_meter_minute.added_wh + excluded.added_wh
            """;

    private static final String DELETE_RAW = """
            delete from transaction_meter_sample where ctid = any(array(
                select ctid from transaction_meter_sample where sampled_at < ? limit ?))
            """;

    @Override
    public void recordAll(List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            java.sql.Array ids = array(connection, "bigint", readings, Reading::transactionId);
            java.sql.Array times = array(
                    connection, "timestamptz", readings, r -> r.sampledAt().toString());
            execute(connection, LOCK, ids);
            execute(
                    connection,
                    INSERT,
                    ids,
                    times,
                    array(connection, "bigint", readings, Reading::energyWh),
                    array(connection, "float8", readings, Reading::powerW));
            execute(connection, ROLL_UP.formatted(VALUED_BY_MINUTE.formatted(TOUCHED)), ids, times);
        });
    }

    @Override
    public void rebuildRollups(Collection<Long> transactionIds) {
        if (transactionIds.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            java.sql.Array ids = connection.createArrayOf("bigint", transactionIds.toArray());
            execute(connection, LOCK, ids);
            execute(connection, ROLL_UP.formatted(VALUED_BY_TRANSACTION), ids, ids, ids);
        });
    }

    @Override
    public int deleteRawBefore(Instant cutoff, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE_RAW)) {
                statement.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                statement.setInt(2, limit);
                return statement.executeUpdate();
            }
        });
    }

    private static void execute(Connection connection, String sql, java.sql.Array... arrays) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            statement.execute();
        }
    }

    private static <T> java.sql.Array array(
            Connection connection, String sqlType, List<T> rows, Function<T, Object> value) throws SQLException {
        return connection.createArrayOf(sqlType, rows.stream().map(value).toArray());
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}
