-- The transactions connect saw start and not end, per charger, so that their later events carry
-- core's id and the connector also after a restart or when the charger reconnects to another
-- connect instance. 1.6 transactions are keyed by their (core's or provisional) id, 2.0.1 ones by
-- the charger's transaction id.
create table open_transaction (
    charge_point_id  text        not null,
    transaction_key  text        not null,
    transaction_id   bigint,
    provisional      boolean     not null,
    evse_id          integer,
    connector_id     integer     not null,
    started_at       timestamptz not null default now(),
    primary key (charge_point_id, transaction_key)
);
create index open_transaction_core_id on open_transaction (charge_point_id, transaction_id);
