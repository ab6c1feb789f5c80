-- Connect allocates every transaction id now (ADR 0010), not only when core was unreachable: the
-- sequence keeps its range [2^30, 2^31 - 1] (above the ids core allocated before, inside OCPP
-- 1.6's 32-bit integer), and "provisional" no longer means anything.
alter sequence provisional_transaction_id rename to transaction_id;
alter table open_transaction drop column provisional;
