-- manage-incidents: rules as data per workspace, incidents with their timeline, notes and events,
-- and the directory of charge points that attributes connect's facts to workspaces.

create table incident_rule (
    id uuid primary key,
    workspace_id uuid not null,
    name text not null,
    event_types jsonb not null,
    condition text not null,
    for_seconds integer not null check (for_seconds >= 0),
    dedup_key text not null,
    severity text not null check (severity in ('CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INFO')),
    resolve_condition text,
    labels jsonb not null default '{}',
    template_id text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create unique index incident_rule_name on incident_rule (workspace_id, name);

create table incident (
    id uuid primary key,
    workspace_id uuid not null,
    rule_id uuid not null,
    rule_version bigint not null,
    rule_name text not null,
    dedup_key text not null,
    severity text not null check (severity in ('CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INFO')),
    status text not null check (status in ('PENDING', 'OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    subject text,
    resource_type text,
    site_id text,
    labels jsonb not null default '{}',
    pending_since timestamptz not null,
    fire_at timestamptz not null,
    opened_at timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text,
    resolved_at timestamptz,
    resolved_by text,
    auto_resolved boolean not null default false,
    last_event_at timestamptz not null,
    event_count integer not null,
    version bigint not null
);
-- One active incident per rule and key: restarts, redeliveries and concurrent consumers cannot
-- raise a second one.
create unique index incident_one_active_per_key on incident (workspace_id, rule_id, dedup_key)
    where status <> 'RESOLVED';
create index incident_by_workspace on incident (workspace_id, pending_since desc, id desc);
create index incident_pending_due on incident (fire_at) where status = 'PENDING';

create table incident_transition (
    id bigserial primary key,
    incident_id uuid not null references incident (id) on delete cascade,
    from_status text,
    to_status text not null,
    at timestamptz not null,
    actor text not null,
    reason text
);
create index incident_transition_of on incident_transition (incident_id, id);

create table incident_note (
    id uuid primary key,
    incident_id uuid not null references incident (id) on delete cascade,
    author text not null,
    text text not null,
    created_at timestamptz not null
);
create index incident_note_of on incident_note (incident_id, created_at);

create table incident_event (
    incident_id uuid not null references incident (id) on delete cascade,
    event_id text not null,
    event_type text not null,
    observed_at timestamptz not null,
    role text not null check (role in ('RAISED', 'UPDATED', 'RESOLVED')),
    primary key (incident_id, event_id)
);

create table charger_directory (
    charge_point_id text primary key,
    workspace_id uuid not null,
    charger_id text,
    site_id text
);
