package io.depotops.connect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How connect reads the words of both OCPP versions and of core. */
class OcppWordsTest {

    @Test
    void coresAuthorizationWordIsReadLenientlyAndAnythingElseIsUnknown() {
        assertThat(AuthorizationStatus.fromName("Accepted")).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(AuthorizationStatus.fromName("concurrenttx")).isEqualTo(AuthorizationStatus.CONCURRENT_TX);
        assertThat(AuthorizationStatus.fromName("NoCredit")).isEqualTo(AuthorizationStatus.UNKNOWN);
        assertThat(AuthorizationStatus.fromName(null)).isEqualTo(AuthorizationStatus.UNKNOWN);
        for (AuthorizationStatus status : AuthorizationStatus.values()) {
            assertThat(AuthorizationStatus.fromName(status.ocppName())).isEqualTo(status);
        }
    }

    @Test
    void aBootStatusIsOneOfThreeWordsAndNothingElse() {
        assertThat(BootStatus.fromOcppName("pending")).isEqualTo(BootStatus.PENDING);
        for (BootStatus status : BootStatus.values()) {
            assertThat(BootStatus.fromOcppName(status.ocppName())).isEqualTo(status);
        }
        assertThatThrownBy(() -> BootStatus.fromOcppName("Maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ocpp16sFinerConnectorStatusesAreAllOccupied() {
        for (String status : new String[] {"Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing"}) {
            assertThat(ConnectorAvailability.fromOcpp(status)).as(status).isEqualTo(ConnectorAvailability.OCCUPIED);
        }
        assertThat(ConnectorAvailability.fromOcpp("Occupied")).isEqualTo(ConnectorAvailability.OCCUPIED);
        assertThat(ConnectorAvailability.fromOcpp("Available")).isEqualTo(ConnectorAvailability.AVAILABLE);
        assertThat(ConnectorAvailability.fromOcpp("Reserved")).isEqualTo(ConnectorAvailability.RESERVED);
        assertThat(ConnectorAvailability.fromOcpp("Unavailable")).isEqualTo(ConnectorAvailability.UNAVAILABLE);
        assertThat(ConnectorAvailability.fromOcpp("Faulted")).isEqualTo(ConnectorAvailability.FAULTED);
        assertThatThrownBy(() -> ConnectorAvailability.fromOcpp("available"))
                .as("the schemas spell it with a capital")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transactionEventTypesAreTheExactWordsOf201() {
        assertThat(TransactionEventType.fromOcppName("Started")).isEqualTo(TransactionEventType.STARTED);
        assertThat(TransactionEventType.fromOcppName("Ended")).isEqualTo(TransactionEventType.ENDED);
        assertThatThrownBy(() -> TransactionEventType.fromOcppName("ended"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionIsFoundByItsSubprotocolAndLabelledWithoutThePrefix() {
        assertThat(OcppVersion.fromSubprotocol("ocpp1.6")).contains(OcppVersion.V16);
        assertThat(OcppVersion.fromSubprotocol("ocpp2.0.1")).contains(OcppVersion.V201);
        assertThat(OcppVersion.fromSubprotocol("ocpp2.1")).isEmpty();
        assertThat(OcppVersion.fromSubprotocol(null)).isEmpty();
        assertThat(OcppVersion.V16.label()).isEqualTo("1.6");
        assertThat(OcppVersion.V201.label()).isEqualTo("2.0.1");
    }
}
