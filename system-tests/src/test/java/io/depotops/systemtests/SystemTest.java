package io.depotops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every system test has: the running services, its own workspace in core, OCPP basics. */
@ExtendWith(SystemUnderTest.class)
abstract class SystemTest {

    static final String V16 = "1.6";
    static final String V201 = "2.0.1";
    /** core's heartbeat interval (depotops.ocpp.heartbeat-interval-seconds). */
    static final int CORE_HEARTBEAT_INTERVAL = 300;
    /** Long enough for an event to travel connect -> RabbitMQ -> core. */
    static final Duration EVENTUAL = Duration.ofSeconds(15);

    static CoreApi core;

    @BeforeAll
    static void workspace(org.junit.jupiter.api.TestInfo test) {
        core = CoreApi.newWorkspace(test.getTestClass().orElseThrow());
    }

    static OcppClient connect(Charger charger) throws Exception {
        return connect(charger.chargePointId(), CoreApi.CHARGER_PASSWORD, charger.subprotocol());
    }

    /** Opens a charge point's websocket at connect, or throws HandshakeRefused with the status. */
    static OcppClient connect(String chargePointId, String password, String... subprotocols) throws Exception {
        return OcppClient.connect(
                SystemUnderTest.connectUri().resolve("/ocpp/"), chargePointId, password, subprotocols);
    }

    /** Connected and booted: core accepted the BootNotification. */
    static OcppClient booted(Charger charger) throws Exception {
        OcppClient cp = connect(charger);
        JsonNode boot = cp.callResult("BootNotification", bootNotification(charger));
        assertThat(boot.get("status").asText()).isEqualTo("Accepted");
        return cp;
    }

    static String bootNotification(Charger charger) {
        return charger.ocppVersion().equals(V16) ? """
                {"chargePointVendor":"system-tests","chargePointModel":"DC-150","chargePointSerialNumber":"SN-16","firmwareVersion":"1.6.0"}""" : """
                {"reason":"PowerUp","chargingStation":{"vendorName":"system-tests","model":"DC-150","serialNumber":"SN-201","firmwareVersion":"2.0.1"}}""";
    }

    static String now() {
        return Instant.now().toString();
    }

    static void assertCallError(JsonNode answer, String code) {
        assertThat(answer.path(0).asInt()).as("CALLERROR %s", answer).isEqualTo(4);
        assertThat(answer.path(2).asText()).as("error code of %s", answer).isEqualTo(code);
    }

    static void assertStillUp(OcppClient cp) throws Exception {
        JsonNode heartbeat = cp.callResult("Heartbeat", "{}");
        assertThat(Instant.parse(heartbeat.get("currentTime").asText())).isNotNull();
    }
}
