-- The registry feed (ADR 0010): what manage-connect needs to admit chargers and authorise tokens
-- by itself (chargers with their password verifiers, id tokens), as an ordered change feed that
-- connect pulls over the internal link. One row per entry, holding the sequence of its last change;
-- the entry's current state is read from charger/vehicle (absent: removed).
--
-- Sequences are taken from registry_head under its row lock, held to the end of the writing
-- transaction: registry writes commit in sequence order, so a reader that sees sequence N has seen
-- every change before it, and a rolled-back write leaves no gap. Registry writes are rare (a user
-- registers or edits a charger or a vehicle's tag), so the lock costs nothing that matters.
create table registry_head (
    id   smallint primary key check (id = 1),
    seq  bigint   not null
);

create table registry_change (
    kind          text   not null check (kind in ('CHARGER', 'ID_TOKEN')),
    workspace_id  uuid   not null,
    entry_key     text   not null,
    seq           bigint not null,
    primary key (kind, workspace_id, entry_key)
);
create unique index registry_change_seq on registry_change (seq);

-- What exists today enters the feed once.
insert into registry_change (kind, workspace_id, entry_key, seq)
select kind, workspace_id, entry_key, row_number() over (order by created_at, entry_key)
from (select 'CHARGER' as kind, workspace_id, charge_point_id as entry_key, created_at from charger
      union all
      select 'ID_TOKEN', workspace_id, id_tag, created_at from vehicle where id_tag is not null) existing;
insert into registry_head (id, seq) select 1, coalesce(max(seq), 0) from registry_change;
