-- Scheduled telematics polling: per workspace a poll policy, and the provider accounts it polls.

-- One row per workspace that polls. next_poll_at is moved forward by the instance that claims the
-- row (FOR UPDATE SKIP LOCKED), so two core instances never poll one workspace in the same cycle;
-- lease_until keeps a slow poll from being claimed again before it ends.
create table telematics_poll_policy (
    workspace_id      uuid primary key references workspace (id),
    interval_seconds  integer     not null check (interval_seconds between 30 and 3600),
    enabled_providers text        not null default '',
    cutover           text        not null check (cutover in ('POLLING', 'STREAMING', 'PAUSED')),
    next_poll_at      timestamptz not null default now(),
    claimed_by        text,
    claimed_at        timestamptz,
    lease_until       timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 0
);
create index telematics_poll_policy_due on telematics_poll_policy (next_poll_at) where cutover = 'POLLING';

-- A provider account of a workspace. Credentials are AES-GCM ciphertext (nonce || ciphertext+tag)
-- under the key named by credentials_key_id; only the last four characters of the secret are clear.
-- feed_cursor is where the next poll continues (Samsara endCursor; Geotab feed versions as JSON).
create table telematics_provider_account (
    id                     uuid primary key,
    workspace_id           uuid        not null references workspace (id),
    kind                   text        not null check (kind in ('GEOTAB', 'SAMSARA')),
    base_url               text        not null,
    credentials_ciphertext bytea       not null,
    credentials_key_id     text        not null,
    credentials_last4      text,
    feed_cursor            text,
    last_attempt_at        timestamptz,
    last_success_at        timestamptz,
    last_error             text,
    consecutive_failures   integer     not null default 0,
    next_attempt_at        timestamptz,
    attempts               bigint      not null default 0,
    failures               bigint      not null default 0,
    error_rate             double precision not null default 0,
    newest_observation_at  timestamptz,
    created_at             timestamptz not null default now(),
    version                bigint      not null default 0,
    unique (workspace_id, kind)
);
