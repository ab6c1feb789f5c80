-- Issue 10: a site's time-of-use tariff, and the charging plan core keeps per depot.
create table site_tariff (
    site_id               uuid primary key references site (id) on delete cascade,
    workspace_id          uuid        not null,
    -- [{"days": ["MONDAY", ...], "from": "07:00", "to": "22:00", "pricePerKwh": 0.31}, ...]
    bands                 jsonb       not null,
    default_price_per_kwh numeric(12, 5) not null,
    demand_charge_per_kw  numeric(12, 4) not null,
    updated_at            timestamptz not null,
    version               bigint      not null
);

create table depot_plan (
    depot_id     uuid primary key references depot (id) on delete cascade,
    workspace_id uuid        not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    -- the plan as core serves it (per vehicle: charger, power per slot, state of charge at departure)
    plan         jsonb       not null
);
