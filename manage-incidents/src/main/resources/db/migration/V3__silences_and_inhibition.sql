-- Silences and inhibition rules (label matchers as data per workspace), and each incident's
-- suppression as last decided (when it opened, and before each notification).

create table silence (
    id uuid primary key,
    workspace_id uuid not null,
    matchers jsonb not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null check (ends_at > starts_at),
    created_by text not null,
    comment text,
    created_at timestamptz not null
);
create index silence_by_workspace on silence (workspace_id, ends_at);

create table inhibition_rule (
    id uuid primary key,
    workspace_id uuid not null,
    name text not null,
    source_matchers jsonb not null,
    target_matchers jsonb not null,
    equal_labels jsonb not null default '[]',
    created_at timestamptz not null
);
create unique index inhibition_rule_name on inhibition_rule (workspace_id, name);

alter table incident add column silenced_by jsonb not null default '[]';
alter table incident add column inhibited_by uuid;
