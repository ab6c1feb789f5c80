-- Charging transactions. The id is the integer OCPP 1.6 uses: core allocates below 2^30;
-- manage-connect allocates provisional ids from 2^30 up when core cannot be reached, and core
-- adopts them when the transaction's events arrive.
create sequence charging_transaction_id_seq start with 1 maxvalue 1073741823;

create table charging_transaction (
    id                      bigint primary key check (id > 0),
    workspace_id            uuid        not null references workspace (id),
    charger_id              uuid        not null references charger (id),
    charge_point_id         text        not null,
    evse_id                 integer     not null check (evse_id >= 1),
    connector_id            integer     not null check (connector_id >= 1),
    charger_transaction_id  text,
    id_token                text,
    vehicle_id              uuid        references vehicle (id),
    authorization_status    text        not null,
    status                  text        not null check (status in ('Active', 'Ended')),
    started_at              timestamptz not null,
    ended_at                timestamptz,
    meter_start_wh          bigint      not null check (meter_start_wh >= 0),
    meter_last_wh           bigint,
    meter_last_at           timestamptz,
    meter_stop_wh           bigint,
    stop_reason             text,
    provisional             boolean     not null default false,
    created_at              timestamptz not null default now(),
    version                 bigint      not null default 0,
    check (ended_at is null or ended_at >= started_at)
);
-- Starting the same transaction twice (a retried core call) finds the first one.
create unique index charging_transaction_start on charging_transaction (charger_id, evse_id, connector_id, started_at);
create unique index charging_transaction_charger_id on charging_transaction (charger_id, charger_transaction_id)
    where charger_transaction_id is not null;
create index charging_transaction_workspace on charging_transaction (workspace_id, started_at, id);
