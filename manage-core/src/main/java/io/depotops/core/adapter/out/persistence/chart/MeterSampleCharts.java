package io.depotops.core.adapter.out.persistence.chart;

import io.depotops.core.adapter.out.persistence.SqlValues;
import io.depotops.core.application.chart.ChartReadings;
import io.depotops.core.application.chart.MeterSamples;
import io.depotops.core.domain.chart.SeriesPoint;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Meter samples in PostgreSQL and the chart queries over them. The bucketing runs in SQL so that a
 * month of a depot's samples never leaves the database row by row.
 */
@ApplicationScoped
class MeterSampleCharts implements MeterSamples, ChartReadings {

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
    public void record(long transactionId, Instant sampledAt, Long energyWh, Double powerW) {
        em().createNativeQuery("insert into transaction_meter_sample (transaction_id, sampled_at, energy_wh, power_w)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, transactionId)
                .setParameter(2, sampledAt)
                .setParameter(3, energyWh)
                .setParameter(4, powerW)
                .executeUpdate();
    }

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
