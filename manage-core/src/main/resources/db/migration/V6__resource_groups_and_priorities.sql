-- Named sets of chargers and vehicles, used for limits, permissions and priorities.
create table resource_group (
    id            uuid primary key,
    workspace_id  uuid        not null references workspace (id),
    name          text        not null check (length(name) between 1 and 200),
    description   text,
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0,
    unique (workspace_id, name)
);
create index resource_group_workspace on resource_group (workspace_id, created_at, id);

create table resource_group_member (
    group_id     uuid not null references resource_group (id) on delete cascade,
    member_type  text not null check (member_type in ('charger', 'vehicle')),
    member_id    uuid not null,
    primary key (group_id, member_type, member_id)
);
create index resource_group_member_of on resource_group_member (member_type, member_id);

-- Charging priority of a vehicle or of a group's vehicles: an explicit level (1 = highest), or
-- none here, in which case it is derived from the next departure.
create table charging_priority (
    workspace_id  uuid     not null references workspace (id),
    target_type   text     not null check (target_type in ('vehicle', 'group')),
    target_id     uuid     not null,
    level         smallint not null check (level between 1 and 10),
    primary key (workspace_id, target_type, target_id)
);
