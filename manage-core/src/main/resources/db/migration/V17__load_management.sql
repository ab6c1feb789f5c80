-- Live load management (issue 9, ADR 0017). Numbered 17, not 14, so that it does not collide with
-- migrations other branches add at the same time.

-- The newest load sitepwrmon reported per node of a site (a late event never moves it back).
create table site_node_load (
    site_id       uuid             not null references site (id) on delete cascade,
    node_id       text             not null,
    workspace_id  uuid             not null references workspace (id),
    measured_at   timestamptz      not null,
    load_kw       double precision not null,
    limit_kw      double precision,
    primary key (site_id, node_id)
);

-- The site's last allocation (inputs and limits) as the API shows it.
create table site_allocation (
    site_id       uuid        primary key references site (id) on delete cascade,
    workspace_id  uuid        not null references workspace (id),
    computed_at   timestamptz not null,
    allocation    jsonb       not null
);

-- The limit last sent to each EVSE, for the hysteresis and the rate limit.
create table evse_limit_sent (
    charger_id  uuid             not null references charger (id) on delete cascade,
    evse_id     integer          not null,
    limit_kw    double precision not null,
    sent_at     timestamptz      not null,
    command_id  uuid             not null,
    primary key (charger_id, evse_id)
);
