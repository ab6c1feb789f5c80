-- Transactions are recorded from connect's events with the id connect allocated (ADR 0010): the
-- difference between a "provisional" id (connect's, while core was unreachable) and core's own is
-- gone.
alter table charging_transaction drop column provisional;
