-- Commands sent to chargers through connect, and how each ended. A command nobody answers is
-- closed as TIMED_OUT after its deadline: an operator never waits on silence.
create table charger_command (
    id              uuid primary key,
    workspace_id    uuid        not null references workspace (id),
    charger_id      uuid        not null references charger (id) on delete cascade,
    charge_point_id text        not null,
    command         text        not null check (command in ('REMOTE_START', 'REMOTE_STOP', 'RESET', 'UNLOCK_CONNECTOR',
                                   'CHANGE_AVAILABILITY', 'TRIGGER_MESSAGE', 'SET_CHARGING_LIMIT', 'CLEAR_CHARGING_LIMIT')),
    parameters      jsonb       not null default '{}',
    requested_by    text        not null,
    requested_at    timestamptz not null,
    deadline        timestamptz not null,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'ACCEPTED', 'REJECTED', 'FAILED', 'TIMED_OUT', 'OFFLINE')),
    detail          text,
    response        jsonb,
    completed_at    timestamptz,
    created_at      timestamptz not null default now(),
    version         bigint      not null default 0
);
create index charger_command_workspace on charger_command (workspace_id, created_at, id);
create index charger_command_pending on charger_command (deadline) where status = 'PENDING';
