-- Per-minute rollups of the meter samples (issue 11, ADR 0015 amendment): charts over long ranges read these
-- instead of windowing every raw sample. Kept up to date set-based as samples arrive.

-- Per transaction and minute (UTC): the sum and count of its samples' power (the charger's, else
-- derived from the register's rise since the previous sample) and the energy they added, so that
-- a wider bucket's average is sum(power_sum_w) / sum(samples), exactly as over the raw samples.
create table transaction_meter_minute (
    transaction_id  bigint           not null references charging_transaction (id) on delete cascade,
    minute          timestamptz      not null,
    charger_id      uuid             not null,
    vehicle_id      uuid,
    depot_id        uuid,
    power_sum_w     double precision not null,
    samples         integer          not null check (samples > 0),
    added_wh        bigint           not null,
    primary key (transaction_id, minute)
);
create index transaction_meter_minute_charger on transaction_meter_minute (charger_id, minute);
create index transaction_meter_minute_vehicle on transaction_meter_minute (vehicle_id, minute) where vehicle_id is not null;
create index transaction_meter_minute_depot on transaction_meter_minute (depot_id, minute) where depot_id is not null;

-- Per depot and minute: the sum over its transactions of their average power in that minute and
-- the energy added, i.e. a depot's one-minute chart point as is. Maintained by adding each
-- transaction-minute's change (an upsert of deltas), so concurrent writers never lose one another.
create table depot_meter_minute (
    depot_id  uuid             not null,
    minute    timestamptz      not null,
    power_w   double precision not null,
    added_wh  bigint           not null,
    primary key (depot_id, minute)
);

-- The raw samples' retention deletes by age.
create index transaction_meter_sample_sampled_at on transaction_meter_sample using brin (sampled_at);

-- Samples recorded before this migration.
with registers as (
    select m.transaction_id, m.sampled_at, m.energy_wh, m.power_w,
           coalesce(lag(m.energy_wh) over w, t.meter_start_wh) as previous_wh,
           coalesce(lag(m.sampled_at) over w, t.started_at) as previous_at
    from transaction_meter_sample m join charging_transaction t on t.id = m.transaction_id
    where m.energy_wh is not null
    window w as (partition by m.transaction_id order by m.sampled_at)
), samples as (
    select transaction_id, sampled_at,
           greatest(coalesce(power_w, (energy_wh - previous_wh) * 3600.0
               / nullif(extract(epoch from sampled_at - previous_at), 0)), 0) as power_w,
           greatest(energy_wh - previous_wh, 0) as added_wh
    from registers
    union all
    select transaction_id, sampled_at, greatest(power_w, 0), 0
    from transaction_meter_sample where energy_wh is null
), minutes as (
    insert into transaction_meter_minute
        (transaction_id, minute, charger_id, vehicle_id, depot_id, power_sum_w, samples, added_wh)
    select s.transaction_id, date_bin('1 minute', s.sampled_at, timestamptz '2000-01-01 00:00:00+00'),
           t.charger_id, t.vehicle_id, site.depot_id, sum(s.power_w), count(*), sum(s.added_wh)
    from samples s
    join charging_transaction t on t.id = s.transaction_id
    left join charger c on c.id = t.charger_id
    left join site on site.id = c.site_id
    group by 1, 2, 3, 4, 5
    returning depot_id, minute, power_sum_w / samples as power_w, added_wh
)
insert into depot_meter_minute (depot_id, minute, power_w, added_wh)
select depot_id, minute, sum(power_w), sum(added_wh) from minutes where depot_id is not null group by 1, 2;
