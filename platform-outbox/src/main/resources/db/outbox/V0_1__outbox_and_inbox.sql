-- Events written in the same transaction as the change they describe; the relay publishes them.
create table outbox_message (
    position        bigserial primary key,
    message_id      text        not null unique,
    aggregate_type  text        not null,
    aggregate_id    text        not null,
    exchange        text        not null,
    routing_key     text        not null,
    content_type    text        not null,
    body            bytea       not null,
    traceparent     text,
    created_at      timestamptz not null default now(),
    published_at    timestamptz,
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now()
);

create index outbox_message_pending on outbox_message (position) where published_at is null;
create index outbox_message_published_at on outbox_message (published_at) where published_at is not null;

-- Messages a consumer has processed, so that a redelivered message is processed once.
create table inbox_message (
    consumer     text        not null,
    message_id   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
