-- Every meter value of a transaction (energy register and/or power), the source of the power and
-- energy charts (issue 11). A redelivered reading is the same row (primary key).
create table transaction_meter_sample (
    transaction_id  bigint           not null references charging_transaction (id) on delete cascade,
    sampled_at      timestamptz      not null,
    energy_wh       bigint           check (energy_wh >= 0),
    power_w         double precision check (power_w >= 0),
    primary key (transaction_id, sampled_at),
    check (energy_wh is not null or power_w is not null)
);
-- A vehicle's charts find its transactions by time.
create index charging_transaction_vehicle on charging_transaction (vehicle_id, started_at) where vehicle_id is not null;
