-- Scheduled reports (issue 11): what a workspace wants generated and when, and each cron time's run.

-- A definition's schedule state lives on its row: scheduled_for is the cron time being served,
-- due_at when it is next tried (pushed back after a failed attempt). An instance claims due rows
-- with one UPDATE over SELECT ... FOR UPDATE SKIP LOCKED and leases them (lease_owner/lease_until),
-- so several core instances never run one cron time twice; report_run's primary key is the
-- second guard (one row per definition and cron time).
create table report_definition (
    id              uuid primary key,
    workspace_id    uuid        not null references workspace (id),
    depot_id        uuid        not null references depot (id),
    name            text        not null check (length(name) between 1 and 200),
    kind            text        not null,
    format          text        not null,
    period          text        not null,
    cron            text        not null,
    recipients      text        not null default '',
    enabled         boolean     not null default true,
    scheduled_for   timestamptz,
    due_at          timestamptz,
    attempt         integer     not null default 0,
    lease_owner     text,
    lease_until     timestamptz,
    last_run_at     timestamptz,
    last_status     text,
    last_report_id  uuid,
    last_error      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    unique (workspace_id, name)
);
create index report_definition_due on report_definition (due_at) where enabled;
create index report_definition_workspace on report_definition (workspace_id, name);

create table report_run (
    definition_id  uuid        not null references report_definition (id) on delete cascade,
    scheduled_for  timestamptz not null,
    status         text        not null check (status in ('READY', 'FAILED')),
    report_id      uuid,
    attempts       integer     not null,
    error          text,
    finished_at    timestamptz not null,
    primary key (definition_id, scheduled_for)
);
