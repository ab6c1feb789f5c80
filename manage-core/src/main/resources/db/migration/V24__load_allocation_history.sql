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
