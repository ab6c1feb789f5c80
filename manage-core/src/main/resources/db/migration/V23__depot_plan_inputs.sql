-- Issue 10: what each depot's plan was made from, so that core re-plans by itself when it changes
-- (PlanningInputs as JSON: vehicles with departure and state of charge, chargers, limits, tariffs,
-- vehicles plugged in). One row per depot, replaced with each plan.
create table depot_plan_inputs (
    depot_id     uuid primary key references depot (id) on delete cascade,
    workspace_id uuid        not null,
    planned_at   timestamptz not null,
    inputs       jsonb       not null
);
