-- Facts from manage-connect: whether a charger's websocket is up, and when each status was
-- observed, so that a late or redelivered fact never rolls a newer one back.
alter table charger add column online boolean not null default false;
alter table charger add column online_changed_at timestamptz;
alter table charger add column status_updated_at timestamptz;
alter table connector add column status_updated_at timestamptz;
