-- External limit signals (issue 9): a cap on a node's power for a window, effective at its start.
create table limit_signal (
    id uuid primary key,
    workspace_id uuid not null,
    node_id uuid not null references power_node (id) on delete cascade,
    cap_kw double precision not null check (cap_kw >= 0),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    source text not null,
    reason text,
    created_at timestamptz not null,
    check (ends_at > starts_at)
);
create index limit_signal_node on limit_signal (node_id, ends_at);
