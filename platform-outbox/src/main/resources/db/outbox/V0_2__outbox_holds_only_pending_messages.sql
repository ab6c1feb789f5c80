-- The outbox holds only messages not yet published (ADR 0011): the relay deletes a row in the
-- transaction that records the broker's confirm, so there is no published_at and no history here.
-- The table is rebuilt rather than altered: it held days of published rows and their dead index
-- entries; copying the pending rows leaves a compact table with fresh indexes.
lock table outbox_message in access exclusive mode;
alter table outbox_message rename to outbox_message_v0_1;
alter index outbox_message_pkey rename to outbox_message_v0_1_pkey;
alter index outbox_message_message_id_key rename to outbox_message_v0_1_message_id_key;

create table outbox_message (
    -- The writing transaction takes its id before its position (a CASE evaluates its condition
    -- first): a row is then never committed with a position below what a relay scan has passed
    -- unless its transaction was running at that scan, which the relay's scan floor relies on.
    position        bigint      primary key
                    default (case when pg_current_xact_id() is not null
                                  then nextval('outbox_message_position_seq') end),
    message_id      text        not null unique,
    aggregate_type  text        not null,
    aggregate_id    text        not null,
    exchange        text        not null,
    routing_key     text        not null,
    content_type    text        not null,
    body            bytea       not null,
    traceparent     text,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now()
) with (
    -- Every published row becomes a dead tuple at once: vacuum after a fixed number of them, not a
    -- fraction of a table whose size swings, and unthrottled (the table stays small). The relay
    -- also vacuums it itself (depotops.outbox.vacuum-interval); this is the fallback.
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 10000,
    autovacuum_vacuum_cost_delay = 0,
    toast.autovacuum_vacuum_scale_factor = 0,
    toast.autovacuum_vacuum_threshold = 10000,
    toast.autovacuum_vacuum_cost_delay = 0
);

alter sequence outbox_message_position_seq owned by outbox_message.position;

insert into outbox_message
    (position, message_id, aggregate_type, aggregate_id, exchange, routing_key, content_type, body,
     traceparent, created_at, attempts, last_error, next_attempt_at)
select position, message_id, aggregate_type, aggregate_id, exchange, routing_key, content_type, body,
       traceparent, created_at, attempts, last_error, next_attempt_at
from outbox_message_v0_1
where published_at is null;

drop table outbox_message_v0_1;
