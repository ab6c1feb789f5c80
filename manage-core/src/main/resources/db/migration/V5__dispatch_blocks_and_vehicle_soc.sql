-- Dispatch: vehicle blocks (a route or duty with a departure), each assigned to at most one
-- vehicle. Recurring blocks repeat at the same local time in the depot's time zone.
create table vehicle_block (
    id                    uuid primary key,
    workspace_id          uuid        not null references workspace (id),
    depot_id              uuid        not null references depot (id),
    name                  text        not null check (length(name) between 1 and 200),
    departure_at          timestamptz not null,
    return_at             timestamptz not null,
    required_energy_kwh   numeric(8, 2) check (required_energy_kwh > 0),
    required_distance_km  numeric(8, 1) check (required_distance_km > 0),
    recurrence            text        not null default 'NONE' check (recurrence in ('NONE', 'DAILY', 'WEEKDAYS')),
    vehicle_id            uuid        references vehicle (id),
    created_at            timestamptz not null default now(),
    version               bigint      not null default 0,
    check (return_at > departure_at),
    check (required_energy_kwh is not null or required_distance_km is not null)
);
create index vehicle_block_workspace on vehicle_block (workspace_id, created_at, id);
create index vehicle_block_vehicle on vehicle_block (vehicle_id) where vehicle_id is not null;

-- The vehicle's latest state of charge, as telematics reports it (filled by the telematics ingest).
alter table vehicle add column soc_percent numeric(5, 2) check (soc_percent between 0 and 100);
alter table vehicle add column soc_observed_at timestamptz;
