package io.depotops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import io.depotops.systemtests.CoreApi.Vehicle;
import org.junit.jupiter.api.Test;

/** Authorization through core: a vehicle's id tag of the charger's workspace is accepted. */
class AuthorizationConformanceTest extends SystemTest {

    @Test
    void C01_authorizeKnownAndUnknownToken() throws Exception {
        Charger charger = core.charger(V201);
        Vehicle vehicle = core.vehicle();
        try (OcppClient cp = booted(charger)) {
            assertThat(cp.callResult("Authorize", idToken201(vehicle.idTag()))
                            .at("/idTokenInfo/status")
                            .asText())
                    .isEqualTo("Accepted");
            // core does not know the token: connect passes core's word on (2.0.1 has Unknown too)
            assertThat(cp.callResult("Authorize", idToken201("NO-SUCH-TAG-" + CoreApi.unique()))
                            .at("/idTokenInfo/status")
                            .asText())
                    .isIn("Invalid", "Unknown");
        }
    }

    @Test
    void Authorize_16_knownTagAcceptedUnknownTagInvalid() throws Exception {
        Charger charger = core.charger(V16);
        Vehicle vehicle = core.vehicle();
        try (OcppClient cp = booted(charger)) {
            assertThat(cp.callResult("Authorize", "{\"idTag\":\"" + vehicle.idTag() + "\"}")
                            .at("/idTagInfo/status")
                            .asText())
                    .isEqualTo("Accepted");
            assertThat(cp.callResult("Authorize", "{\"idTag\":\"NO-TAG-" + CoreApi.unique() + "\"}")
                            .at("/idTagInfo/status")
                            .asText())
                    .isEqualTo("Invalid");
        }
    }

    @Test
    void C01_tokenOfAnotherWorkspaceIsNotAccepted() throws Exception {
        Vehicle foreign =
                CoreApi.newWorkspace(AuthorizationConformanceTest.class).vehicle();
        Charger charger = core.charger(V16);
        try (OcppClient cp = booted(charger)) {
            assertThat(cp.callResult("Authorize", "{\"idTag\":\"" + foreign.idTag() + "\"}")
                            .at("/idTagInfo/status")
                            .asText())
                    .isEqualTo("Invalid");
        }
    }

    static String idToken201(String token) {
        return "{\"idToken\":{\"idToken\":\"" + token + "\",\"type\":\"ISO14443\"}}";
    }
}
