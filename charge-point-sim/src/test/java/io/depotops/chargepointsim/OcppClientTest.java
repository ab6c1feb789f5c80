package io.depotops.chargepointsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcppClientTest {

    FakeCsms csms;

    @BeforeEach
    void start() throws Exception {
        csms = new FakeCsms();
    }

    @AfterEach
    void stop() {
        csms.close();
    }

    @Test
    void offersSubprotocolsInOrderAndSendsBasicAuth() throws Exception {
        try (OcppClient cp = OcppClient.connect(csms.url(), "CP-1", "secret-password-16", "ocpp1.6", "ocpp2.0.1")) {
            assertThat(cp.subprotocol()).isEqualTo("ocpp1.6");
            assertThat(cp.version()).isEqualTo(OcppVersion.V16);
        }
        FakeCsms.Handshake handshake = csms.handshakes.get(0);
        assertThat(handshake.chargePointId()).isEqualTo("CP-1");
        assertThat(handshake.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("CP-1:secret-password-16".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusedHandshakeCarriesTheHttpStatus() {
        csms.refusals.add(401);
        assertThatThrownBy(() -> OcppClient.connect(csms.url(), "CP-2", null, "ocpp2.0.1"))
                .isInstanceOfSatisfying(
                        HandshakeRefused.class, e -> assertThat(e.status).isEqualTo(401));
    }

    @Test
    void callReturnsItsAnswerWhileTheCsmsCallsWaitInTheInbox() throws Exception {
        try (OcppClient cp = OcppClient.connect(csms.url(), "CP-3", null, "ocpp2.0.1")) {
            JsonNode boot =
                    cp.call("b1", "BootNotification", Payloads.bootNotification(OcppVersion.V201, "v", "m", "s"));
            assertThat(boot.get(0).asInt()).isEqualTo(3);
            assertThat(boot.get(1).asText()).isEqualTo("b1");
            assertThat(boot.get(2).get("status").asText()).isEqualTo("Accepted");

            csms.sendCall("CP-3", Frames.call("c1", "Reset", "{\"type\":\"Immediate\"}"));
            assertThat(cp.call("Heartbeat", "{}").get(2).has("currentTime")).isTrue();
            JsonNode reset = cp.expectCall("Reset", Duration.ofSeconds(5));
            assertThat(reset.get(1).asText()).isEqualTo("c1");
            cp.reply(reset, "{\"status\":\"Scheduled\"}");
            assertThat(csms.next("3").frame().get(2).get("status").asText()).isEqualTo("Scheduled");

            assertThat(cp.poll(Duration.ofMillis(200))).isNull();
            assertThatThrownBy(() -> cp.next(Duration.ofMillis(200)))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void rawFramesAndTheirAnswersInArrivalOrder() throws Exception {
        try (OcppClient cp = OcppClient.connect(csms.url(), "CP-4", null, "ocpp1.6")) {
            cp.sendRaw(Frames.call("r1", "Heartbeat", "{}"));
            JsonNode answer = cp.next(Duration.ofSeconds(5));
            assertThat(answer.get(1).asText()).isEqualTo("r1");
        }
    }

    @Test
    void aResponderAnswersTheCsmsCalls() throws Exception {
        try (OcppClient cp = OcppClient.connect(csms.url(), "CP-5", null, "ocpp1.6")
                .answerCallsWith(Responder.accepting()
                        .answering(
                                "Reset",
                                (version, action, payload) -> Responder.Reply.result("{\"status\":\"Rejected\"}")))) {
            csms.sendCall("CP-5", Frames.call("s1", "RemoteStartTransaction", "{\"idTag\":\"T1\"}"));
            assertThat(csms.next("3").frame().toString()).isEqualTo("[3,\"s1\",{\"status\":\"Accepted\"}]");
            csms.sendCall("CP-5", Frames.call("s2", "Reset", "{\"type\":\"Soft\"}"));
            assertThat(csms.next("3").frame().get(2).get("status").asText()).isEqualTo("Rejected");
            csms.sendCall("CP-5", Frames.call("s3", "NoSuchThing", "{}"));
            JsonNode error = csms.next("4").frame();
            assertThat(error.get(1).asText()).isEqualTo("s3");
            assertThat(error.get(2).asText()).isEqualTo("NotImplemented");
            assertThat(cp.pending()).isEmpty();
        }
    }

    @Test
    void closedCarriesTheCsmsCloseCode() throws Exception {
        OcppClient cp = OcppClient.connect(csms.url(), "CP-6", null, "ocpp1.6");
        csms.awaitSocket("CP-6");
        csms.dropAll();
        assertThat(cp.awaitClosed(Duration.ofSeconds(5))).isEqualTo(1012);
        cp.close();
    }
}
