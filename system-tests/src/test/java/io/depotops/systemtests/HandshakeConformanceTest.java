package io.depotops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.HandshakeRefused;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connecting and booting (OCPP 2.0.1 use cases A00 security profile 1, B01 cold boot; OCPP 1.6
 * BootNotification): connect asks core who may connect, core decides the boot.
 */
class HandshakeConformanceTest extends SystemTest {

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void A00_unknownChargePointRefused(String version) {
        assertThatThrownBy(() -> connect("ST-UNKNOWN-" + CoreApi.unique(), CoreApi.CHARGER_PASSWORD, "ocpp" + version))
                .isInstanceOfSatisfying(
                        HandshakeRefused.class,
                        refused -> assertThat(refused.status).isEqualTo(401));
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void A00_securityProfile1WrongOrMissingPasswordRefused(String version) {
        Charger charger = core.charger(version);
        assertThatThrownBy(() -> connect(charger.chargePointId(), "not-the-password-of-it", charger.subprotocol()))
                .isInstanceOfSatisfying(
                        HandshakeRefused.class,
                        refused -> assertThat(refused.status).isEqualTo(401));
        assertThatThrownBy(() -> connect(charger.chargePointId(), null, charger.subprotocol()))
                .isInstanceOfSatisfying(
                        HandshakeRefused.class,
                        refused -> assertThat(refused.status).isEqualTo(401));
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void missingOrUnsupportedSubprotocolRefused(String version) {
        Charger charger = core.charger(version);
        assertThatThrownBy(() -> connect(charger.chargePointId(), CoreApi.CHARGER_PASSWORD))
                .isInstanceOfSatisfying(
                        HandshakeRefused.class,
                        refused -> assertThat(refused.status).isEqualTo(400));
        assertThatThrownBy(() -> connect(charger.chargePointId(), CoreApi.CHARGER_PASSWORD, "ocpp1.5"))
                .isInstanceOfSatisfying(
                        HandshakeRefused.class,
                        refused -> assertThat(refused.status).isEqualTo(400));
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void B01_coldBootAccepted(String version) throws Exception {
        Charger charger = core.charger(version);
        try (OcppClient cp = connect(charger)) {
            assertThat(cp.subprotocol()).isEqualTo(charger.subprotocol());
            JsonNode boot = cp.callResult("BootNotification", bootNotification(charger));
            assertThat(boot.get("status").asText()).isEqualTo("Accepted");
            assertThat(boot.get("interval").asInt()).isEqualTo(CORE_HEARTBEAT_INTERVAL);
            assertThat(Instant.parse(boot.get("currentTime").asText())).isNotNull();

            // core records the boot connect answered from the boot fact
            await().atMost(EVENTUAL)
                    .untilAsserted(() -> assertThat(core.chargerView(charger).getString("bootStatus"))
                            .isEqualTo("Accepted"));
            await().atMost(EVENTUAL)
                    .untilAsserted(() -> assertThat(core.liveState(charger)).containsEntry("online", true));
            assertStillUp(cp);
        }
        await().atMost(EVENTUAL)
                .untilAsserted(() -> assertThat(core.liveState(charger)).containsEntry("online", false));
    }
}
