-- Connect's copy of core's registry (ADR 0010), shared by connect's instances: what a restarted
-- connect admits chargers and authorises tokens with while core is away. An entry keeps the
-- sequence of the feed change it is as of; a removal stays as a row marked removed, so that an
-- older change another instance writes later cannot bring it back.
create table registry_charger (
    charge_point_id    text     primary key,
    workspace_id       uuid     not null,
    removed            boolean  not null,
    ocpp_version       text,
    security_profile   smallint,
    password_verifier  text,
    seq                bigint   not null
);

create table registry_id_token (
    workspace_id  uuid     not null,
    id_token      text     not null,
    removed       boolean  not null,
    vehicle_id    uuid,
    seq           bigint   not null,
    primary key (workspace_id, id_token)
);

-- The feed sequence up to which the copy is complete.
create table registry_state (
    id           smallint primary key check (id = 1),
    applied_seq  bigint   not null
);
insert into registry_state (id, applied_seq) values (1, 0);
