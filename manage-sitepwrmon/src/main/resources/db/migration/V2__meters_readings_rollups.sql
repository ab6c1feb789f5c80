-- Meters, readings and their rollups (issue 9). A meter measures one node; readings are the raw
-- series, partitioned by day (the service's partition job creates them ahead and drops them after
-- the retention); rollups of 1 and 15 minutes are upserted in the transaction that stores the
-- readings, so that long ranges read few rows.
create table meter (
    workspace_id uuid not null,
    meter_id text not null,
    node_id uuid not null unique references power_node (id),
    protocol text not null check (protocol in ('REST', 'MQTT', 'MODBUS_TCP')),
    modbus_host text,
    modbus_port integer check (modbus_port between 1 and 65535),
    modbus_unit_id integer check (modbus_unit_id between 0 and 255),
    modbus_register_map text,
    silent_after_seconds integer not null check (silent_after_seconds > 0),
    last_seen_at timestamptz,
    silent_since timestamptz,
    fault text,
    fault_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null,
    primary key (workspace_id, meter_id),
    check ((protocol = 'MODBUS_TCP') = (modbus_host is not null))
);

create table reading (
    node_id uuid not null,
    time timestamptz not null,
    meter_id text not null,
    power_w_l1 double precision,
    power_w_l2 double precision,
    power_w_l3 double precision,
    current_a_l1 double precision,
    current_a_l2 double precision,
    current_a_l3 double precision,
    energy_wh double precision,
    quality text not null check (quality in ('GOOD', 'ESTIMATED', 'INVALID')),
    received_at timestamptz not null,
    primary key (node_id, time)
) partition by range (time);

create table reading_rollup (
    node_id uuid not null,
    resolution_seconds integer not null check (resolution_seconds in (60, 900)),
    bucket_start timestamptz not null,
    samples integer not null,
    power_w_l1_sum double precision not null,
    power_w_l2_sum double precision not null,
    power_w_l3_sum double precision not null,
    current_a_l1_sum double precision not null,
    current_a_l2_sum double precision not null,
    current_a_l3_sum double precision not null,
    current_a_l1_max double precision,
    current_a_l2_max double precision,
    current_a_l3_max double precision,
    energy_wh_last double precision,
    primary key (node_id, resolution_seconds, bucket_start)
);

-- The latest reading of each node (never moved back by a late one) and the limit state of the node.
create table node_live (
    node_id uuid primary key references power_node (id) on delete cascade,
    time timestamptz not null,
    meter_id text not null,
    power_w_l1 double precision,
    power_w_l2 double precision,
    power_w_l3 double precision,
    current_a_l1 double precision,
    current_a_l2 double precision,
    current_a_l3 double precision,
    energy_wh double precision,
    quality text not null,
    limit_state text not null default 'NORMAL' check (limit_state in ('NORMAL', 'APPROACHING', 'EXCEEDED')),
    load_event_at timestamptz
);
