package io.depotops.connect.ocpp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.contracts.events.EventTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The charger-initiated messages beyond boot, status and transactions (issue 4): data transfer,
 * firmware and diagnostics status, security events, the 2.0.1 notifications (answered, published)
 * and the certificate messages (relayed to the PKI, stood in by WireMock).
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
@QuarkusTestResource(PkiStub.class)
class ChargerMessagesConformanceTest {

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void bindQueue() throws Exception {
        Events.queue();
    }

    private OcppClient v16(String id) throws Exception {
        return OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, "ocpp1.6");
    }

    private OcppClient v201(String id) throws Exception {
        return OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, "ocpp2.0.1");
    }

    private static JsonNode result(JsonNode frame) {
        assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(3);
        return frame.get(2);
    }

    private static void assertError(JsonNode frame, String code) {
        assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(4);
        assertThat(frame.get(2).asText()).as(frame.toString()).isEqualTo(code);
    }

    // ---- data transfer ----

    @Test
    void ocpp16_dataTransfer_acceptedForAConfiguredVendor_unknownVendorOtherwise() throws Exception {
        try (OcppClient cp = v16("MSG16-DT")) {
            JsonNode accepted = result(cp.call(
                    "1", "DataTransfer", "{\"vendorId\":\"io.depotops\",\"messageId\":\"soc\",\"data\":\"80\"}"));
            assertThat(accepted.get("status").asText()).isEqualTo("Accepted");
            JsonNode unknown = result(cp.call("2", "DataTransfer", "{\"vendorId\":\"com.other\"}"));
            assertThat(unknown.get("status").asText()).isEqualTo("UnknownVendorId");
            assertError(
                    cp.call("3", "DataTransfer", "{\"vendorId\":\"" + "v".repeat(256) + "\"}"),
                    "PropertyConstraintViolation");
            assertError(
                    cp.call("4", "DataTransfer", "{\"vendorId\":\"io.depotops\",\"data\":42}"),
                    "TypeConstraintViolation");
        }
        var events = Events.await(EventTypes.CONNECT_CHARGER_DATA_TRANSFER_V1, "MSG16-DT", 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("vendorId").asText()).isEqualTo("io.depotops");
        assertThat(events.get(0).get("messageId").asText()).isEqualTo("soc");
        assertThat(events.get(0).get("data").asText()).isEqualTo("80");
        assertThat(events.get(0).get("status").asText()).isEqualTo("Accepted");
        assertThat(events.get(1).get("status").asText()).isEqualTo("UnknownVendorId");
    }

    @Test
    void TC_P_01_CSMS_dataTransfer_anyJsonData() throws Exception {
        try (OcppClient cp = v201("MSG201-DT")) {
            JsonNode accepted = result(cp.call(
                    "1",
                    "DataTransfer",
                    "{\"vendorId\":\"com.example.fleet\",\"messageId\":\"cab\",\"data\":{\"doorOpen\":true}}"));
            assertThat(accepted.get("status").asText()).isEqualTo("Accepted");
            assertThat(result(cp.call("2", "DataTransfer", "{\"vendorId\":\"acme\"}"))
                            .get("status")
                            .asText())
                    .isEqualTo("UnknownVendorId");
            assertError(
                    cp.call("3", "DataTransfer", "{\"vendorId\":\"" + "v".repeat(256) + "\"}"),
                    "PropertyConstraintViolation");
        }
        JsonNode event = Events.await(EventTypes.CONNECT_CHARGER_DATA_TRANSFER_V1, "MSG201-DT", 2)
                .get(0);
        assertThat(event.get("data").get("doorOpen").asBoolean()).isTrue();
        assertThat(event.get("ocppVersion").asText()).isEqualTo("2.0.1");
    }

    // ---- firmware, diagnostics and logs ----

    @Test
    void ocpp16_firmwareAndDiagnosticsStatusPublished() throws Exception {
        try (OcppClient cp = v16("MSG16-FW")) {
            assertThat(result(cp.call("1", "FirmwareStatusNotification", "{\"status\":\"Installed\"}")))
                    .isEmpty();
            assertThat(result(cp.call("2", "DiagnosticsStatusNotification", "{\"status\":\"UploadFailed\"}")))
                    .isEmpty();
            assertError(
                    cp.call("3", "FirmwareStatusNotification", "{\"status\":\"Done\"}"), "PropertyConstraintViolation");
        }
        JsonNode firmware = Events.await(EventTypes.CONNECT_CHARGER_FIRMWARE_STATUS_V1, "MSG16-FW", 1)
                .get(0);
        assertThat(firmware.get("status").asText()).isEqualTo("Installed");
        assertThat(firmware.get("requestId").isNull()).isTrue();
        JsonNode diagnostics = Events.await(EventTypes.CONNECT_CHARGER_DIAGNOSTICS_STATUS_V1, "MSG16-FW", 1)
                .get(0);
        assertThat(diagnostics.get("status").asText()).isEqualTo("UploadFailed");
    }

    @Test
    void TC_L_01_and_N_01_CSMS_firmwareAndLogStatusPublished() throws Exception {
        try (OcppClient cp = v201("MSG201-FW")) {
            assertThat(result(
                            cp.call("1", "FirmwareStatusNotification", "{\"status\":\"Downloading\",\"requestId\":7}")))
                    .isEmpty();
            assertThat(result(cp.call("2", "LogStatusNotification", "{\"status\":\"Uploaded\",\"requestId\":8}")))
                    .isEmpty();
        }
        JsonNode firmware = Events.await(EventTypes.CONNECT_CHARGER_FIRMWARE_STATUS_V1, "MSG201-FW", 1)
                .get(0);
        assertThat(firmware.get("status").asText()).isEqualTo("Downloading");
        assertThat(firmware.get("requestId").asInt()).isEqualTo(7);
        JsonNode log = Events.await(EventTypes.CONNECT_CHARGER_DIAGNOSTICS_STATUS_V1, "MSG201-FW", 1)
                .get(0);
        assertThat(log.get("status").asText()).isEqualTo("Uploaded");
        assertThat(log.get("requestId").asInt()).isEqualTo(8);
    }

    // ---- A: security events ----

    @Test
    void TC_A_19_CSMS_securityEventPublished() throws Exception {
        try (OcppClient cp = v201("MSG201-SEC")) {
            assertThat(
                            result(
                                    cp.call(
                                            "1",
                                            "SecurityEventNotification",
                                            "{\"type\":\"InvalidCsmsCertificate\",\"timestamp\":\"2025-01-01T10:00:00Z\",\"techInfo\":\"expired\"}")))
                    .isEmpty();
            assertError(
                    cp.call("2", "SecurityEventNotification", "{\"type\":\"X\",\"timestamp\":\"now\"}"),
                    "PropertyConstraintViolation");
        }
        JsonNode event = Events.await(EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1, "MSG201-SEC", 1)
                .get(0);
        assertThat(event.get("type").asText()).isEqualTo("InvalidCsmsCertificate");
        assertThat(event.get("timestamp").asText()).startsWith("2025-01-01T10:00");
        assertThat(event.get("techInfo").asText()).isEqualTo("expired");
    }

    // ---- notifications ----

    @Test
    void ocpp201_notificationsAnsweredAndPublishedAsTheyCame() throws Exception {
        String[][] notifications = {
            {
                "NotifyEvent",
                "{\"generatedAt\":\"2025-01-01T10:00:00Z\",\"seqNo\":0,\"eventData\":[{\"eventId\":1,\"timestamp\":\"2025-01-01T10:00:00Z\",\"trigger\":\"Alerting\",\"actualValue\":\"Faulted\",\"eventNotificationType\":\"HardWiredNotification\",\"component\":{\"name\":\"Connector\"},\"variable\":{\"name\":\"Problem\"}}]}"
            },
            {"NotifyReport", "{\"requestId\":1,\"generatedAt\":\"2025-01-01T10:00:00Z\",\"seqNo\":0}"},
            {"NotifyMonitoringReport", "{\"requestId\":2,\"generatedAt\":\"2025-01-01T10:00:00Z\",\"seqNo\":0}"},
            {"NotifyChargingLimit", "{\"chargingLimit\":{\"chargingLimitSource\":\"EMS\"}}"},
            {"ClearedChargingLimit", "{\"chargingLimitSource\":\"EMS\",\"evseId\":1}"},
            {
                "NotifyEVChargingNeeds",
                "{\"evseId\":1,\"chargingNeeds\":{\"requestedEnergyTransfer\":\"DC\",\"dcChargingParameters\":{\"evMaxCurrent\":200,\"evMaxVoltage\":800}}}"
            },
            {
                "NotifyEVChargingSchedule",
                "{\"timeBase\":\"2025-01-01T10:00:00Z\",\"evseId\":1,\"chargingSchedule\":{\"id\":1,\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":50000}]}}"
            },
            {
                "ReportChargingProfiles",
                "{\"requestId\":3,\"chargingLimitSource\":\"CSO\",\"evseId\":1,\"chargingProfile\":[{\"id\":5,\"stackLevel\":1,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":[{\"id\":1,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16}]}]}]}"
            },
            {"ReservationStatusUpdate", "{\"reservationId\":4,\"reservationUpdateStatus\":\"Expired\"}"},
            {
                "NotifyCustomerInformation",
                "{\"data\":\"none\",\"seqNo\":0,\"generatedAt\":\"2025-01-01T10:00:00Z\",\"requestId\":5}"
            },
            {"NotifyDisplayMessages", "{\"requestId\":6}"},
            {
                "PublishFirmwareStatusNotification",
                "{\"status\":\"Published\",\"location\":[\"https://lc/fw\"],\"requestId\":9}"
            }
        };
        try (OcppClient cp = v201("MSG201-NOTIFY")) {
            for (String[] notification : notifications) {
                JsonNode answer = result(cp.call(notification[0], notification[0], notification[1]));
                if (notification[0].startsWith("NotifyEVCharging")) {
                    assertThat(answer.get("status").asText())
                            .as(notification[0])
                            .isEqualTo("Accepted");
                } else {
                    assertThat(answer).as(notification[0]).isEmpty();
                }
            }
        }
        var events = Events.await(EventTypes.CONNECT_CHARGER_NOTIFICATION_V1, "MSG201-NOTIFY", notifications.length);
        assertThat(events)
                .extracting(event -> event.get("action").asText())
                .containsExactly(
                        java.util.Arrays.stream(notifications).map(n -> n[0]).toArray(String[]::new));
        assertThat(events.get(0)
                        .get("payload")
                        .get("eventData")
                        .get(0)
                        .get("actualValue")
                        .asText())
                .isEqualTo("Faulted");
        assertThat(events.get(8).get("payload").get("reservationUpdateStatus").asText())
                .isEqualTo("Expired");
    }

    // ---- M: ISO 15118 certificates, relayed to the PKI ----

    @Test
    void TC_M_01_CSMS_certificateRequestsRelayedToThePki() throws Exception {
        String request = "{\"iso15118SchemaVersion\":\"urn:iso:15118:2:2013:MsgDef\",\"action\":\"Install\","
                + "\"exiRequest\":\"ZXhp\"}";
        try (OcppClient cp = v201("MSG201-PKI")) {
            JsonNode ev = result(cp.call("1", "Get15118EVCertificate", request));
            assertThat(ev.get("status").asText()).isEqualTo("Accepted");
            assertThat(ev.get("exiResponse").asText()).isEqualTo("ZXhpLWNlcnQ=");
            JsonNode ocsp = result(cp.call(
                    "2",
                    "GetCertificateStatus",
                    "{\"ocspRequestData\":{\"hashAlgorithm\":\"SHA256\",\"issuerNameHash\":\"a\",\"issuerKeyHash\":\"b\","
                            + "\"serialNumber\":\"c\",\"responderURL\":\"http://ocsp\"}}"));
            assertThat(ocsp.get("ocspResult").asText()).isEqualTo("b2NzcA==");
            JsonNode sign =
                    result(cp.call("3", "SignCertificate", "{\"csr\":\"-----BEGIN CERTIFICATE REQUEST-----\"}"));
            assertThat(sign.get("status").asText()).isEqualTo("Accepted");
        }
        PkiStub.server()
                .verify(postRequestedFor(urlEqualTo("/pki/Get15118EVCertificate"))
                        .withHeader(PkiStub.CHARGER, equalTo("MSG201-PKI"))
                        .withRequestBody(equalToJson(request)));
    }

    @Test
    void certificateRequests_failedWithAReasonWhenThePkiFailsOrAnswersInvalidly() throws Exception {
        try (OcppClient cp = v201("MSG201-PKIDOWN")) {
            JsonNode ev = result(cp.call(
                    "1",
                    "Get15118EVCertificate",
                    "{\"iso15118SchemaVersion\":\"x\",\"action\":\"Update\",\"exiRequest\":\"ZXhp\"}"));
            assertThat(ev.get("status").asText()).isEqualTo("Failed");
            assertThat(ev.get("statusInfo").get("reasonCode").asText()).isEqualTo("CertAuthorityFailed");
            JsonNode sign = result(cp.call("2", "SignCertificate", "{\"csr\":\"csr\"}"));
            assertThat(sign.get("status").asText()).isEqualTo("Rejected");
        }
        try (OcppClient cp = v201("MSG201-PKIBAD")) {
            JsonNode sign = result(cp.call("1", "SignCertificate", "{\"csr\":\"csr\"}"));
            assertThat(sign.get("status").asText()).isEqualTo("Rejected");
            assertThat(sign.get("statusInfo").get("reasonCode").asText()).isEqualTo("CertAuthorityFailed");
        }
    }
}
