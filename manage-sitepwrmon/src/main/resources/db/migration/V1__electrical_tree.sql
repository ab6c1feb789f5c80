-- The electrical tree of each site (issue 9): one row per node, the root has no parent. The tree
-- rules (one root, no cycles, parent in the same site) are checked by the service under a lock of
-- the site; the indexes below hold the ones a constraint can.
create table power_node (
    id uuid primary key,
    workspace_id uuid not null,
    site_id uuid not null,
    parent_id uuid references power_node (id),
    kind text not null check (kind in ('GRID_CONNECTION', 'TRANSFORMER', 'SWITCHBOARD', 'CIRCUIT', 'CHARGER')),
    name text not null,
    limit_kw double precision check (limit_kw > 0),
    limit_a_l1 double precision check (limit_a_l1 > 0),
    limit_a_l2 double precision check (limit_a_l2 > 0),
    limit_a_l3 double precision check (limit_a_l3 > 0),
    voltage_v double precision not null check (voltage_v > 0),
    charger_id text,
    charger_phases text not null default '',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null
);
create unique index power_node_one_root on power_node (workspace_id, site_id) where parent_id is null;
create unique index power_node_charger on power_node (workspace_id, charger_id) where charger_id is not null;
create index power_node_site on power_node (workspace_id, site_id);
create index power_node_parent on power_node (parent_id);
