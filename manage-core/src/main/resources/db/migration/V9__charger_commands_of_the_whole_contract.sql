-- The commands of ChargerCommandV1.Command (shared-contracts) as connect implements them now:
-- configuration, cache, composite schedule, firmware, diagnostics, local list, reservations,
-- data transfer and the raw OCPP call.
alter table charger_command drop constraint charger_command_command_check;
alter table charger_command add constraint charger_command_command_check check (command in (
    'REMOTE_START', 'REMOTE_STOP', 'RESET', 'UNLOCK_CONNECTOR', 'CHANGE_AVAILABILITY', 'TRIGGER_MESSAGE',
    'SET_CHARGING_LIMIT', 'CLEAR_CHARGING_LIMIT', 'GET_CONFIGURATION', 'SET_CONFIGURATION', 'CLEAR_CACHE',
    'GET_COMPOSITE_SCHEDULE', 'UPDATE_FIRMWARE', 'UPLOAD_DIAGNOSTICS', 'SEND_LOCAL_LIST',
    'GET_LOCAL_LIST_VERSION', 'RESERVE_NOW', 'CANCEL_RESERVATION', 'DATA_TRANSFER', 'OCPP_CALL'));
