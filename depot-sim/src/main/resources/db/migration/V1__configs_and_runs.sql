-- depot-sim: simulation configs with every version kept (the config row names the current one),
-- and runs with their reports.

create table simulation_config (
    id uuid primary key,
    workspace_id uuid not null,
    name text not null,
    current_version integer not null check (current_version >= 1),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index simulation_config_workspace on simulation_config (workspace_id, name);

create table simulation_config_version (
    config_id uuid not null references simulation_config (id) on delete cascade,
    version integer not null check (version >= 1),
    name text not null,
    document jsonb not null,
    created_at timestamptz not null,
    primary key (config_id, version)
);

create table simulation_run (
    id uuid primary key,
    workspace_id uuid not null,
    config_id uuid not null references simulation_config (id),
    config_version integer not null,
    seed bigint not null,
    speed integer not null check (speed between 1 and 1000),
    state text not null check (state in ('CREATED', 'RUNNING', 'PAUSED', 'FINISHED', 'STOPPED', 'INTERRUPTED')),
    created_at timestamptz not null,
    ended_at timestamptz,
    report jsonb
);
create index simulation_run_workspace on simulation_run (workspace_id, created_at);
