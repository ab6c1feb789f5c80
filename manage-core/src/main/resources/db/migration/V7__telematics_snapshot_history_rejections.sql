-- Canonical telematics: every accepted observation in the history; per vehicle, the newest one
-- in the snapshot (late data goes to the history without rolling the snapshot back).
create table vehicle_telematics_history (
    id                     bigserial primary key,
    workspace_id           uuid        not null references workspace (id),
    vehicle_id             uuid        not null references vehicle (id) on delete cascade,
    provider               text        not null,
    update_id              text        not null,
    observed_at            timestamptz not null,
    received_at            timestamptz not null default now(),
    soc_percent            numeric(5, 2) check (soc_percent between 0 and 100),
    odometer_km            numeric(10, 1),
    latitude               double precision,
    longitude              double precision,
    heading_degrees        double precision,
    speed_kmh              numeric(6, 1),
    ignition_on            boolean,
    plugged_in             boolean,
    charging_state         text check (charging_state in ('NOT_CHARGING', 'CHARGING', 'COMPLETE', 'FAULT', 'UNKNOWN')),
    remaining_range_km     numeric(7, 1),
    battery_temperature_c  numeric(5, 1),
    attributes             jsonb,
    unique (vehicle_id, update_id)
);
create index vehicle_telematics_history_time on vehicle_telematics_history (vehicle_id, observed_at);

create table vehicle_telematics_snapshot (
    vehicle_id             uuid primary key references vehicle (id) on delete cascade,
    workspace_id           uuid        not null references workspace (id),
    provider               text        not null,
    update_id              text        not null,
    observed_at            timestamptz not null,
    received_at            timestamptz not null,
    soc_percent            numeric(5, 2),
    odometer_km            numeric(10, 1),
    latitude               double precision,
    longitude              double precision,
    heading_degrees        double precision,
    speed_kmh              numeric(6, 1),
    ignition_on            boolean,
    plugged_in             boolean,
    charging_state         text,
    remaining_range_km     numeric(7, 1),
    battery_temperature_c  numeric(5, 1),
    attributes             jsonb,
    stale_notified_at      timestamptz
);
create index vehicle_telematics_snapshot_workspace on vehicle_telematics_snapshot (workspace_id, observed_at);

-- Updates that were refused, with the reason, for the provider's and the operator's eyes.
create table telematics_rejection (
    id           bigserial primary key,
    workspace_id uuid,
    provider     text,
    device_id    text,
    update_id    text,
    reason       text        not null,
    received_at  timestamptz not null default now()
);
create index telematics_rejection_time on telematics_rejection (received_at);

-- The state of charge now lives in the snapshot.
alter table vehicle drop column soc_percent;
alter table vehicle drop column soc_observed_at;
