-- Vehicles announced at risk of missing their next departure's target (one row per vehicle,
-- written in the same transaction as the outbox event, deleted when the risk is cleared).
create table departure_risk (
    vehicle_id   text primary key,
    workspace_id text not null,
    depot_id     text not null,
    departure_at timestamptz not null,
    announced_at timestamptz not null
);
create index departure_risk_depot on departure_risk (workspace_id, depot_id);
