package io.depotops.core.adapter.out.persistence.chart;

import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.chart.ChartReadings;
import io.depotops.core.domain.chart.SeriesPoint;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The chart queries over meter samples: short ranges from the raw samples, long ones from the
 * per-minute rollups {@link MeterSampleStore} keeps. The bucketing runs in SQL so that a month of a
 * depot's samples never leaves the database row by row.
 */
@ApplicationScoped
class MeterSampleCharts implements ChartReadings {

    /**
     * Each sample's power (the charger's, else derived from the energy register's rise since the
     * previous sample or the transaction's start) and the energy it adds, summed per transaction and
     * bucket (average power, energy added), then per bucket over the transactions.
     */
    private static final String METERED = """
            with tx as (
                select t.id, t.meter_start_wh, t.started_at
                from charging_transaction t
                where t.workspace_id = ?1 and %s
                  and t.started_at < ?4 and (t.ended_at is null or t.ended_at >= ?3)
            ), registers as (
                select m.transaction_id, m.sampled_at, m.energy_wh, m.power_w,
                       coalesce(lag(m.energy_wh) over w, tx.meter_start_wh) as previous_wh,
                       coalesce(lag(m.sampled_at) over w, tx.started_at) as previous_at
                from transaction_meter_sample m join tx on tx.id = m.transaction_id
                where m.energy_wh is not null
                window w as (partition by m.transaction_id order by m.sampled_at)
            ), samples as (
                select transaction_id, sampled_at,
                       coalesce(power_w, (energy_wh - previous_wh) * 3600.0
                           / nullif(extract(epoch from sampled_at - previous_at), 0)) as power_w,
                       greatest(energy_wh - previous_wh, 0) as added_wh
                from registers
                union all
                select m.transaction_id, m.sampled_at, m.power_w, 0
                from transaction_meter_sample m join tx on tx.id = m.transaction_id
                where m.energy_wh is null
            ), per_transaction as (
                select date_bin(make_interval(secs => ?5), sampled_at, cast(?3 as timestamptz)) as bucket,
                       avg(greatest(power_w, 0)) as power_w, sum(added_wh) as added_wh
                from samples
                where sampled_at >= ?3 and sampled_at < ?4
                group by 1, transaction_id
            )
            select bucket, coalesce(sum(power_w), 0) / 1000.0, sum(added_wh) / 1000.0
            from per_transaction group by bucket order by bucket
            """;

    @Override
    public List<MeteredBucket> metered(
            UUID workspaceId, Scope scope, UUID id, Instant from, Instant to, Duration bucket) {
        String subject = switch (scope) {
            case DEPOT ->
                "t.charger_id in (select c.id from charger c join site s on s.id = c.site_id"
                        + " where s.depot_id = ?2)";
            case CHARGER -> "t.charger_id = ?2";
            case VEHICLE -> "t.vehicle_id = ?2";
        };
        List<?> rows = em().createNativeQuery(METERED.formatted(subject))
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .setParameter(3, from)
                .setParameter(4, to)
                .setParameter(5, (double) bucket.toSeconds())
                .getResultList();
        return buckets(rows);
    }

    /** A depot's one-minute points as they are stored. */
    private static final String DEPOT_MINUTES = """
            select minute, power_w / 1000.0, added_wh / 1000.0 from depot_meter_minute
            where depot_id = ?2 and minute >= ?3 and minute < ?4
              and exists (select 1 from depot d where d.id = ?2 and d.workspace_id = ?1)
            order by minute
            """;

    /** Per transaction and bucket the average power over its minutes' samples, then summed per bucket. */
    private static final String TRANSACTION_MINUTES = """
            with per_transaction as (
                select date_bin(make_interval(secs => ?5), r.minute, cast(?3 as timestamptz)) as bucket,
                       sum(r.power_sum_w) / sum(r.samples) as power_w, sum(r.added_wh) as added_wh
                from transaction_meter_minute r
                join charging_transaction t on t.id = r.transaction_id and t.workspace_id = ?1
                where r.%s = ?2 and r.minute >= ?3 and r.minute < ?4
                group by 1, r.transaction_id
            )
            select bucket, sum(power_w) / 1000.0, sum(added_wh) / 1000.0
            from per_transaction group by bucket order by bucket
            """;

    @Override
    public List<MeteredBucket> meteredPerMinute(
            UUID workspaceId, Scope scope, UUID id, Instant from, Instant to, Duration bucket) {
        if (bucket.toSeconds() % 60 != 0
                || from.getEpochSecond() % 60 != 0
                || to.getEpochSecond() % 60 != 0
                || from.getNano() != 0
                || to.getNano() != 0) {
            throw new IllegalArgumentException(
                    "rollup reads need whole minutes: " + from + ".." + to + " by " + bucket);
        }
        // a depot's one-minute points are stored summed; anything else sums its transactions' minutes
        boolean depotMinutes = scope == Scope.DEPOT && bucket.toSeconds() == 60;
        String sql = depotMinutes
                ? DEPOT_MINUTES
                : TRANSACTION_MINUTES.formatted(
                        switch (scope) {
                            case DEPOT -> "depot_id";
                            case CHARGER -> "charger_id";
                            case VEHICLE -> "vehicle_id";
                        });
        var query = em().createNativeQuery(sql)
                .setParameter(1, workspaceId)
                .setParameter(2, id)
                .setParameter(3, from)
                .setParameter(4, to);
        if (!depotMinutes) {
            query.setParameter(5, (double) bucket.toSeconds());
        }
        return buckets(query.getResultList());
    }

    private static List<MeteredBucket> buckets(List<?> rows) {
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(c -> new MeteredBucket(SqlValues.instant(c[0]), ((Number) c[1]).doubleValue(), number(c[2])))
                .toList();
    }

    @Override
    public List<SeriesPoint> stateOfCharge(UUID workspaceId, UUID vehicleId, Instant from, Instant to) {
        List<?> rows = em().createNativeQuery("select observed_at, soc_percent from vehicle_telematics_history"
                        + " where vehicle_id = ?1 and workspace_id = ?2 and observed_at >= ?3 and observed_at < ?4"
                        + " and soc_percent is not null order by observed_at")
                .setParameter(1, vehicleId)
                .setParameter(2, workspaceId)
                .setParameter(3, from)
                .setParameter(4, to)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(c -> new SeriesPoint(SqlValues.instant(c[0]), ((Number) c[1]).doubleValue()))
                .toList();
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
