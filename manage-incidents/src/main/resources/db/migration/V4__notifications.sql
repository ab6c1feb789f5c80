-- Notification channels per workspace, durable deliveries (written with the incident's change,
-- claimed by senders with FOR UPDATE SKIP LOCKED) and every attempt to send one.

create table notification_channel (
    id uuid primary key,
    workspace_id uuid not null,
    name text not null,
    type text not null check (type in ('WEBHOOK', 'EMAIL')),
    webhook_url text,
    webhook_secret text,
    email_to jsonb not null default '[]',
    matchers jsonb not null default '[]',
    min_severity text not null check (min_severity in ('CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INFO')),
    repeat_interval_seconds bigint check (repeat_interval_seconds > 0),
    max_attempts integer not null check (max_attempts between 1 and 50),
    created_at timestamptz not null
);
create unique index notification_channel_name on notification_channel (workspace_id, name);

create table notification_delivery (
    id uuid primary key,
    workspace_id uuid not null,
    channel_id uuid not null references notification_channel (id) on delete cascade,
    incident_id uuid not null references incident (id) on delete cascade,
    kind text not null check (kind in ('OPENED', 'REPEAT', 'RESOLVED')),
    status text not null check (status in ('PENDING', 'RETRYING', 'SENT', 'DEAD', 'SUPPRESSED')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    created_at timestamptz not null,
    sent_at timestamptz,
    last_error text
);
-- The senders' work list stays small whatever the history: only due rows are in it.
create index notification_delivery_due on notification_delivery (next_attempt_at)
    where status in ('PENDING', 'RETRYING');
create index notification_delivery_log on notification_delivery (workspace_id, created_at desc, id);
create index notification_delivery_last on notification_delivery (incident_id, channel_id, created_at desc);

create table notification_attempt (
    delivery_id uuid not null references notification_delivery (id) on delete cascade,
    attempt integer not null,
    at timestamptz not null,
    succeeded boolean not null,
    detail text,
    primary key (delivery_id, attempt)
);
