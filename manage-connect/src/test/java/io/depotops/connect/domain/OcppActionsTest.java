package io.depotops.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcppActionsTest {

    @Test
    void whatAChargerMaySendDependsOnItsVersion() {
        assertThat(OcppActions.sentByCharger(OcppVersion.V16, "StartTransaction"))
                .isTrue();
        assertThat(OcppActions.sentByCharger(OcppVersion.V201, "StartTransaction"))
                .isFalse();
        assertThat(OcppActions.sentByCharger(OcppVersion.V201, "TransactionEvent"))
                .isTrue();
        assertThat(OcppActions.sentByCharger(OcppVersion.V16, "TransactionEvent"))
                .isFalse();
    }

    @Test
    void actionsTheCentralSystemInitiatesAreNeverTheChargers() {
        for (String action : new String[] {"RemoteStartTransaction", "Reset", "ChangeConfiguration", "GetVariables"}) {
            for (OcppVersion version : OcppVersion.values()) {
                assertThat(OcppActions.sentByCharger(version, action))
                        .as(action + " " + version)
                        .isFalse();
            }
        }
    }

    @Test
    void bothVersionsShareTheirCoreMessages() {
        for (String action : new String[] {"BootNotification", "Heartbeat", "Authorize", "StatusNotification"}) {
            for (OcppVersion version : OcppVersion.values()) {
                assertThat(OcppActions.sentByCharger(version, action))
                        .as(action + " " + version)
                        .isTrue();
            }
        }
    }
}
