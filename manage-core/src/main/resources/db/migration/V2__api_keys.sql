-- Per-workspace keys of the public API. Only a SHA-256 digest of the secret is kept; the prefix
-- finds the row, and is what operators see to tell keys apart.
create table api_key (
    id            uuid primary key,
    workspace_id  uuid        not null references workspace (id),
    name          text        not null check (length(name) between 1 and 100),
    prefix        text        not null unique check (prefix ~ '^[a-z0-9]{10}$'),
    secret_sha256 text        not null check (secret_sha256 ~ '^[0-9a-f]{64}$'),
    role          text        not null check (role in ('viewer', 'operator')),
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    version       bigint      not null default 0
);
create index api_key_workspace on api_key (workspace_id, created_at, id);
