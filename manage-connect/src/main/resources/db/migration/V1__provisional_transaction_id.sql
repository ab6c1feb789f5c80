-- Transaction ids connect allocates itself when core cannot be asked at an OCPP 1.6
-- StartTransaction (offline policy). Core's ids stay below 2^30; these fill [2^30, 2^31 - 1] so
-- that they fit the 32-bit integers chargers keep.
create sequence provisional_transaction_id
    as bigint
    start with 1073741824
    minvalue 1073741824
    maxvalue 2147483647
    no cycle;
