-- History of each site's load allocation (issue 9, ADR 0023): an entry whenever an allocation sent
-- a limit, changed mode or saw other sessions, not every periodic pass.
create table site_allocation_history (
    id            bigserial   primary key,
    site_id       uuid        not null references site (id) on delete cascade,
    workspace_id  uuid        not null references workspace (id),
    computed_at   timestamptz not null,
    allocation    jsonb       not null
);

create index site_allocation_history_by_site on site_allocation_history (site_id, computed_at desc);

-- Each node's current and current limits per phase as sitepwrmon reported them (null: not
-- reported), so that the site's phases bind as well as its power.
alter table site_node_load
    add column current_l1_a double precision,
    add column current_l2_a double precision,
    add column current_l3_a double precision,
    add column limit_l1_a   double precision,
    add column limit_l2_a   double precision,
    add column limit_l3_a   double precision;
