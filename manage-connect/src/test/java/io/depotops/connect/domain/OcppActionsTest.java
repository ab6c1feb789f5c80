package io.depotops.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who initiates an action; which version has it is the schemas' (OcaSchemaValidatorTest). */
class OcppActionsTest {

    @Test
    void chargersInitiateTheirReportsAndRequests() {
        for (String action : new String[] {
            "BootNotification", "Heartbeat", "Authorize", "StatusNotification", "StartTransaction", "TransactionEvent"
        }) {
            assertThat(OcppActions.sentByChargers(action)).as(action).isTrue();
            assertThat(OcppActions.sentToChargers(action)).as(action).isFalse();
        }
    }

    @Test
    void theCentralSystemInitiatesItsCommands() {
        for (String action : new String[] {"RemoteStartTransaction", "Reset", "ChangeConfiguration", "GetVariables"}) {
            assertThat(OcppActions.sentByChargers(action)).as(action).isFalse();
            assertThat(OcppActions.sentToChargers(action)).as(action).isTrue();
        }
    }

    @Test
    void dataTransferGoesBothWays() {
        assertThat(OcppActions.sentByChargers("DataTransfer")).isTrue();
        assertThat(OcppActions.sentToChargers("DataTransfer")).isTrue();
    }
}
