-- Every resource belongs to a workspace (tenant); every query filters by it.
create table workspace (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

create table depot (
    id            uuid primary key,
    workspace_id  uuid        not null references workspace (id),
    name          text        not null check (length(name) between 1 and 200),
    address       text,
    time_zone     text        not null,
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0,
    unique (workspace_id, name)
);

create table site (
    id                     uuid primary key,
    workspace_id           uuid        not null references workspace (id),
    depot_id               uuid        not null references depot (id),
    name                   text        not null check (length(name) between 1 and 200),
    grid_capacity_kw       numeric(10, 2) not null check (grid_capacity_kw > 0),
    created_at             timestamptz not null default now(),
    version                bigint      not null default 0,
    unique (depot_id, name)
);
create index site_workspace on site (workspace_id, created_at, id);

create table charger (
    id                 uuid primary key,
    workspace_id       uuid        not null references workspace (id),
    site_id            uuid        not null references site (id),
    charge_point_id    text        not null check (charge_point_id ~ '^[A-Za-z0-9*._:+|@-]{1,48}$'),
    vendor             text,
    model              text,
    ocpp_version       text        not null check (ocpp_version in ('1.6', '2.0.1')),
    security_profile   smallint    not null check (security_profile in (1, 2)),
    password_hash      text        not null,
    max_power_kw       numeric(10, 2) not null check (max_power_kw > 0),
    status             text        not null default 'Unknown'
        check (status in ('Unknown', 'Available', 'Preparing', 'Charging', 'SuspendedEV', 'SuspendedEVSE',
                          'Finishing', 'Reserved', 'Unavailable', 'Faulted', 'Occupied')),
    boot_status        text        not null default 'Pending' check (boot_status in ('Accepted', 'Pending', 'Rejected')),
    last_boot_at       timestamptz,
    firmware_version   text,
    serial_number      text,
    created_at         timestamptz not null default now(),
    version            bigint      not null default 0
);
-- A charge point id is unique across workspaces: the websocket path identifies the charger.
create unique index charger_charge_point_id on charger (charge_point_id);
create index charger_workspace on charger (workspace_id, created_at, id);

create table connector (
    charger_id    uuid     not null references charger (id) on delete cascade,
    evse_id       integer  not null check (evse_id >= 1),
    connector_id  integer  not null check (connector_id >= 1),
    type          text     not null check (type in ('CCS1', 'CCS2', 'CHAdeMO', 'Type1', 'Type2', 'GBT', 'MCS', 'Pantograph')),
    max_power_kw  numeric(10, 2) not null check (max_power_kw > 0),
    status        text     not null default 'Unknown',
    primary key (charger_id, evse_id, connector_id)
);

create table vehicle (
    id                      uuid primary key,
    workspace_id            uuid        not null references workspace (id),
    depot_id                uuid        references depot (id),
    vin                     text        not null check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    fleet_number            text        not null check (length(fleet_number) between 1 and 50),
    battery_kwh             numeric(8, 2) not null check (battery_kwh > 0),
    max_ac_kw               numeric(8, 2) check (max_ac_kw > 0),
    max_dc_kw               numeric(8, 2) check (max_dc_kw > 0),
    efficiency_kwh_per_km   numeric(6, 3) check (efficiency_kwh_per_km > 0),
    telematics_provider     text,
    telematics_device_id    text,
    id_tag                  text,
    created_at              timestamptz not null default now(),
    version                 bigint      not null default 0,
    unique (workspace_id, vin),
    unique (workspace_id, fleet_number)
);
create index vehicle_workspace on vehicle (workspace_id, created_at, id);
create unique index vehicle_id_tag on vehicle (workspace_id, id_tag) where id_tag is not null;
create unique index vehicle_telematics_device on vehicle (workspace_id, telematics_provider, telematics_device_id)
    where telematics_device_id is not null;
