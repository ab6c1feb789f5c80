package io.depotops.connect.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.connect.application.session.OcppSessions;
import io.depotops.connect.application.transaction.OpenTransactions;
import io.depotops.contracts.events.EventTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transactions end to end through connect (core stood in by WireMock, events read from a real
 * RabbitMQ queue): OCPP 1.6 StartTransaction / StopTransaction / MeterValues and OCPP 2.0.1
 * TransactionEvent / MeterValues, the offline policy, and the resume after a reconnect. 2.0.1
 * cases are named after the OCTT CSMS test cases they resemble (TC_E_xx_CSMS, TC_J_xx_CSMS).
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
class OcppTransactionConformanceTest {

    /** Connect allocates transaction ids from 2^30 up (ADR 0010). */
    static final long ID_FLOOR = 1L << 30;

    @TestHTTPResource("/")
    URI base;

    @Inject
    io.depotops.connect.application.registry.ChargerRegistry registry;

    @Inject
    OcppSessions sessions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OpenTransactions openTransactions;

    @BeforeAll
    static void bindQueue() throws Exception {
        Events.queue();
    }

    /** Connects and waits until connect has registered the session (it does so just after the client sees the socket open). */
    private OcppClient connect(String id, String subprotocol) throws Exception {
        OcppClient cp = OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, subprotocol);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> sessions.find(id).isPresent());
        return cp;
    }

    private void disconnect(OcppClient cp, String id) {
        cp.close();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> sessions.find(id).isEmpty());
    }

    private static JsonNode result(JsonNode frame) {
        assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(3);
        return frame.get(2);
    }

    private static void assertError(JsonNode frame, String messageId, String code) {
        assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(4);
        assertThat(frame.get(1).asText()).as(frame.toString()).isEqualTo(messageId);
        assertThat(frame.get(2).asText()).as(frame.toString()).isEqualTo(code);
    }

    static String start16(int connectorId, String idTag, long meterStart, String timestamp) {
        return """
                {"connectorId":%d,"idTag":"%s","meterStart":%d,"timestamp":"%s"}""".formatted(connectorId, idTag, meterStart, timestamp);
    }

    // ---- OCPP 1.6: StartTransaction, StopTransaction, MeterValues ----

    @Test
    void ocpp16_startTransactionAccepted_connectAllocatesTheTransactionId() throws Exception {
        long transactionId;
        try (OcppClient cp = connect("CP16-TX-START", "ocpp1.6")) {
            JsonNode conf =
                    result(cp.call("s1", "StartTransaction", start16(2, "TAG-1", 12345, "2025-03-01T08:00:00Z")));
            transactionId = conf.get("transactionId").asLong();
            assertThat(transactionId).isBetween(ID_FLOOR, (long) Integer.MAX_VALUE);
            assertThat(conf.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            JsonNode next = result(cp.call("s2", "StartTransaction", start16(1, "TAG-1", 0, "2025-03-01T08:01:00Z")));
            assertThat(next.get("transactionId").asLong()).isNotEqualTo(transactionId);
        }

        JsonNode started = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, "CP16-TX-START", 1)
                .get(0);
        assertThat(started.get("eventType").asText()).isEqualTo("Started");
        assertThat(started.get("ocppVersion").asText()).isEqualTo("1.6");
        assertThat(started.get("transactionId").asLong()).isEqualTo(transactionId);
        assertThat(started.get("evseId").asInt()).isEqualTo(2);
        assertThat(started.get("connectorId").asInt()).isEqualTo(1);
        assertThat(started.get("idToken").asText()).isEqualTo("TAG-1");
        assertThat(started.get("meterWh").asLong()).isEqualTo(12345);
        assertThat(started.get("timestamp").asText()).isEqualTo("2025-03-01T08:00:00Z");
    }

    @Test
    void ocpp16_startTransactionWithUnknownTag_answeredInvalid() throws Exception {
        long transactionId;
        try (OcppClient cp = connect("CP16-TX-BADTAG", "ocpp1.6")) {
            JsonNode conf =
                    result(cp.call("s1", "StartTransaction", start16(1, "UNKNOWN-TAG", 0, "2025-03-01T08:00:00Z")));
            // unknown to core's registry; 1.6 has no Unknown: Invalid (the charger then stops the transaction)
            assertThat(conf.get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
            transactionId = conf.get("transactionId").asLong();
        }
        JsonNode started = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, "CP16-TX-BADTAG", 1)
                .get(0);
        assertThat(started.get("transactionId").asLong()).isEqualTo(transactionId);
        assertThat(started.get("idToken").asText()).isEqualTo("UNKNOWN-TAG");
    }

    @Test
    void ocpp16_meterValuesPublishedPerTimestampInWhWAndA() throws Exception {
        String meterValues = """
                {"connectorId":1,"transactionId":2002,"meterValue":[
                  {"timestamp":"2025-03-01T08:15:00Z","sampledValue":[
                    {"value":"12.5","measurand":"Energy.Active.Import.Register","unit":"kWh","context":"Sample.Periodic"},
                    {"value":"7.2","measurand":"Power.Active.Import","unit":"kW"},
                    {"value":"10.0","measurand":"Current.Import","phase":"L1","unit":"A"},
                    {"value":"11.5","measurand":"Current.Import","phase":"L2","unit":"A"},
                    {"value":"11.0","measurand":"Current.Import","phase":"L3","unit":"A"},
                    {"value":"230.0","measurand":"Voltage","phase":"L1-N","unit":"V"},
                    {"value":"232.0","measurand":"Voltage","phase":"L2-N","unit":"V"},
                    {"value":"55","measurand":"SoC","location":"EV","unit":"Percent"},
                    {"value":"13.0","measurand":"Energy.Active.Import.Register","location":"Inlet","unit":"kWh"}]},
                  {"timestamp":"2025-03-01T08:30:00Z","sampledValue":[
                    {"value":"12600"},
                    {"value":"7000","measurand":"Power.Active.Import","unit":"W"}]}]}""";
        try (OcppClient cp = connect("CP16-TX-METER", "ocpp1.6")) {
            assertThat(result(cp.call("m1", "MeterValues", meterValues)).size()).isZero();
        }
        List<JsonNode> samples = Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "CP16-TX-METER", 2);
        assertThat(samples).hasSize(2);
        JsonNode first = samples.get(0);
        assertThat(first.get("timestamp").asText()).isEqualTo("2025-03-01T08:15:00Z");
        assertThat(first.get("transactionId").asLong()).isEqualTo(2002);
        assertThat(first.get("evseId").asInt()).isEqualTo(1);
        assertThat(first.get("connectorId").asInt()).isEqualTo(1);
        assertThat(first.get("energyWh").asLong()).isEqualTo(12500);
        assertThat(first.get("powerW").asDouble()).isEqualTo(7200.0);
        assertThat(first.get("currentA").asDouble()).isEqualTo(11.5);
        assertThat(first.get("voltageV").asDouble()).isEqualTo(231.0);
        assertThat(first.get("stateOfChargePercent").asDouble()).isEqualTo(55.0);
        JsonNode second = samples.get(1);
        assertThat(second.get("energyWh").asLong()).isEqualTo(12600);
        assertThat(second.get("powerW").asDouble()).isEqualTo(7000.0);
        assertThat(second.get("currentA").isNull()).isTrue();
        assertThat(second.get("stateOfChargePercent").isNull()).isTrue();
    }

    @Test
    void ocpp16_stopTransactionPublishedAsEnded() throws Exception {
        long transactionId;
        try (OcppClient cp = connect("CP16-TX-STOP", "ocpp1.6")) {
            transactionId = result(cp.call("s1", "StartTransaction", start16(3, "TAG-3", 1000, "2025-03-01T08:00:00Z")))
                    .get("transactionId")
                    .asLong();
            JsonNode conf = result(cp.call("s2", "StopTransaction", """
                    {"transactionId":%d,"idTag":"TAG-3","meterStop":21000,"timestamp":"2025-03-01T09:00:00Z",
                     "transactionData":[{"timestamp":"2025-03-01T09:00:00Z","sampledValue":[
                       {"value":"21.0","unit":"kWh","context":"Transaction.End"}]}]}""".formatted(transactionId)));
            assertThat(conf.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            // a second transaction, stopped without an idTag and with a reason
            long second = result(cp.call("s3", "StartTransaction", start16(3, "TAG-3", 21000, "2025-03-01T10:00:00Z")))
                    .get("transactionId")
                    .asLong();
            JsonNode bare = result(cp.call("s4", "StopTransaction", """
                    {"transactionId":%d,"meterStop":22000,"timestamp":"2025-03-01T10:30:00Z","reason":"EVDisconnected"}""".formatted(second)));
            assertThat(bare.has("idTagInfo")).isFalse();
        }
        List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, "CP16-TX-STOP", 4);
        assertThat(events)
                .extracting(e -> e.get("eventType").asText())
                .containsExactly("Started", "Ended", "Started", "Ended");
        JsonNode ended = events.get(1);
        assertThat(ended.get("transactionId").asLong()).isEqualTo(transactionId);
        assertThat(ended.get("meterWh").asLong()).isEqualTo(21000);
        assertThat(ended.get("stopReason").asText()).isEqualTo("Local");
        assertThat(ended.get("idToken").asText()).isEqualTo("TAG-3");
        assertThat(ended.get("evseId").asInt()).isEqualTo(3);
        assertThat(ended.get("connectorId").asInt()).isEqualTo(1);
        assertThat(ended.get("timestamp").asText()).isEqualTo("2025-03-01T09:00:00Z");
        assertThat(events.get(3).get("stopReason").asText()).isEqualTo("EVDisconnected");
        assertThat(events.get(3).get("meterWh").asLong()).isEqualTo(22000);
        JsonNode transactionData = Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, "CP16-TX-STOP", 1)
                .get(0);
        assertThat(transactionData.get("energyWh").asLong()).isEqualTo(21000);
        assertThat(transactionData.get("transactionId").asLong()).isEqualTo(transactionId);
        assertThat(transactionData.get("evseId").asInt()).isEqualTo(3);
    }

    @Test
    void ocpp16_coreUnreachableAtStartTransaction_startedFromConnectsCopyOfTheRegistry() throws Exception {
        String id = "CP16-TXDOWN";
        CoreStub.registerToken("TAG-OFF");
        registry.sync();
        try (OcppClient cp = connect(id, "ocpp1.6")) {
            CoreStub.down(true);
            long began = System.nanoTime();
            JsonNode conf =
                    result(cp.call("s1", "StartTransaction", start16(1, "TAG-OFF", 500, "2025-03-01T08:00:00Z")));
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
            assertThat(conf.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            long transactionId = conf.get("transactionId").asLong();
            assertThat(transactionId).isGreaterThanOrEqualTo(ID_FLOOR);
            result(cp.call("s2", "StopTransaction", """
                    {"transactionId":%d,"meterStop":900,"timestamp":"2025-03-01T08:10:00Z"}""".formatted(transactionId)));
            List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 2);
            assertThat(events)
                    .allSatisfy(event ->
                            assertThat(event.get("transactionId").asLong()).isEqualTo(transactionId));
            assertThat(events.get(0).get("eventType").asText()).isEqualTo("Started");
            assertThat(events.get(0).get("meterWh").asLong()).isEqualTo(500);
        } finally {
            CoreStub.down(false);
        }
    }

    @Test
    void ocpp16_reconnectMidTransaction_meterValuesAndStopOnTheSameTransaction() throws Exception {
        String id = "CP16-TX-RESUME";
        OcppClient first = connect(id, "ocpp1.6");
        JsonNode conf = result(first.call("s1", "StartTransaction", start16(1, "TAG-R", 100, "2025-03-01T08:00:00Z")));
        long transactionId = conf.get("transactionId").asLong();
        disconnect(first, id);
        Events.await(EventTypes.CONNECT_CHARGER_DISCONNECTED_V1, id, 1);
        try (OcppClient again = connect(id, "ocpp1.6")) {
            result(again.call("m1", "MeterValues", """
                    {"connectorId":1,"transactionId":%d,"meterValue":[{"timestamp":"2025-03-01T08:20:00Z",
                      "sampledValue":[{"value":"2.1","unit":"kWh"}]}]}""".formatted(transactionId)));
            result(again.call("s2", "StopTransaction", """
                    {"transactionId":%d,"idTag":"TAG-R","meterStop":3000,"timestamp":"2025-03-01T08:40:00Z"}""".formatted(transactionId)));
        }
        List<JsonNode> transaction = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 2);
        List<JsonNode> meter = Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, id, 1);
        assertThat(transaction).extracting(e -> e.get("eventType").asText()).containsExactly("Started", "Ended");
        assertThat(transaction).allSatisfy(e -> {
            assertThat(e.get("transactionId").asLong()).isEqualTo(transactionId);
            assertThat(e.get("evseId").asInt()).isEqualTo(1);
        });
        assertThat(meter).singleElement().satisfies(m -> {
            assertThat(m.get("transactionId").asLong()).isEqualTo(transactionId);
            assertThat(m.get("energyWh").asLong()).isEqualTo(2100);
        });
        assertThat(Events.await(EventTypes.CONNECT_CHARGER_CONNECTED_V1, id, 2)).hasSize(2);
    }

    @Test
    void ocpp16_malformedStartTransaction_getsTheCallErrorOfItsViolation() throws Exception {
        String id = "CP16-TX-BAD";
        try (OcppClient cp = connect(id, "ocpp1.6")) {
            assertError(cp.call("b1", "StartTransaction", """
                            {"connectorId":1,"idTag":"T","timestamp":"2025-03-01T08:00:00Z"}"""), "b1", "OccurenceConstraintViolation");
            assertError(cp.call("b2", "StartTransaction", """
                            {"connectorId":"1","idTag":"T","meterStart":0,"timestamp":"2025-03-01T08:00:00Z"}"""), "b2", "TypeConstraintViolation");
            assertError(
                    cp.call("b3", "StartTransaction", start16(1, "T".repeat(21), 0, "2025-03-01T08:00:00Z")),
                    "b3",
                    "PropertyConstraintViolation");
            assertError(
                    cp.call("b4", "StartTransaction", start16(1, "T", 0, "at eight")),
                    "b4",
                    "PropertyConstraintViolation");
            assertError(cp.call("b5", "StartTransaction", """
                            {"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2025-03-01T08:00:00Z","extra":1}"""), "b5", "FormationViolation");
            assertError(
                    cp.call("b6", "StartTransaction", start16(0, "T", 0, "2025-03-01T08:00:00Z")),
                    "b6",
                    "PropertyConstraintViolation");
            assertError(cp.exchange("[2,\"b7\",\"StartTransaction\"]"), "b7", "FormationViolation");
            // the session stays up, and no transaction was started
            assertThat(result(cp.call("ok", "Heartbeat", "{}")).has("currentTime"))
                    .isTrue();
        }
        assertThat(Events.none(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id))
                .isTrue();
    }

    // ---- OCPP 2.0.1: TransactionEvent (E), MeterValues (J) ----

    static String event201(String type, String transactionId, int seqNo, String extra) {
        return """
                {"eventType":"%s","timestamp":"2025-03-01T08:00:00Z","triggerReason":"Authorized","seqNo":%d,
                 "transactionInfo":{"transactionId":"%s"}%s}""".formatted(type, seqNo, transactionId, extra);
    }

    static final String EVSE_1 = ",\"evse\":{\"id\":1,\"connectorId\":1}";

    @Test
    void TC_E_01_CSMS_transactionStarted_connectAllocatesAndTheTokenIsAnswered() throws Exception {
        String id = "TC-E01";
        try (OcppClient cp = connect(id, "ocpp2.0.1")) {
            JsonNode conf = result(cp.call("e1", "TransactionEvent", event201("Started", "tx-e01", 0, EVSE_1 + """
                            ,"idToken":{"idToken":"TAG-E01","type":"ISO14443"},
                            "meterValue":[{"timestamp":"2025-03-01T08:00:00Z","sampledValue":[
                              {"value":1.5,"context":"Transaction.Begin","measurand":"Energy.Active.Import.Register",
                               "unitOfMeasure":{"unit":"kWh"}}]}]""")));
            assertThat(conf.get("idTokenInfo").get("status").asText()).isEqualTo("Accepted");
            // no idToken: no idTokenInfo
            JsonNode update = result(cp.call("e2", "TransactionEvent", event201("Updated", "tx-e01", 1, "")));
            assertThat(update.has("idTokenInfo")).isFalse();
        }
        List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 2);
        JsonNode started = events.get(0);
        assertThat(started.get("eventType").asText()).isEqualTo("Started");
        assertThat(started.get("ocppVersion").asText()).isEqualTo("2.0.1");
        long transactionId = started.get("transactionId").asLong();
        assertThat(transactionId).isGreaterThanOrEqualTo(ID_FLOOR);
        assertThat(started.get("chargerTransactionId").asText()).isEqualTo("tx-e01");
        assertThat(started.get("evseId").asInt()).isEqualTo(1);
        assertThat(started.get("idToken").asText()).isEqualTo("TAG-E01");
        assertThat(started.get("meterWh").asLong()).isEqualTo(1500);
        assertThat(started.get("seqNo").asInt()).isZero();
        JsonNode updated = events.get(1);
        assertThat(updated.get("eventType").asText()).isEqualTo("Updated");
        assertThat(updated.get("transactionId").asLong()).isEqualTo(transactionId);
        assertThat(updated.get("evseId").asInt()).isEqualTo(1);
        assertThat(updated.get("seqNo").asInt()).isEqualTo(1);
        JsonNode sample =
                Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, id, 1).get(0);
        assertThat(sample.get("energyWh").asLong()).isEqualTo(1500);
        assertThat(sample.get("transactionId").asLong()).isEqualTo(transactionId);
        assertThat(sample.get("chargerTransactionId").asText()).isEqualTo("tx-e01");
    }

    @Test
    void TC_E_01_CSMS_transactionStartedWithAnUnknownToken_answeredUnknown() throws Exception {
        try (OcppClient cp = connect("TC-E01-BADTAG", "ocpp2.0.1")) {
            JsonNode conf = result(cp.call(
                    "e1",
                    "TransactionEvent",
                    event201(
                            "Started",
                            "tx-unknown",
                            0,
                            EVSE_1 + ",\"idToken\":{\"idToken\":\"UNKNOWN-TAG\",\"type\":\"ISO14443\"}")));
            assertThat(conf.get("idTokenInfo").get("status").asText()).isEqualTo("Unknown");
        }
        JsonNode started = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, "TC-E01-BADTAG", 1)
                .get(0);
        assertThat(started.get("transactionId").asLong()).isGreaterThanOrEqualTo(ID_FLOOR);
        // no energy register sent: the event says null
        assertThat(started.get("meterWh").isNull()).isTrue();
    }

    @Test
    void TC_E_07_CSMS_transactionEnded_publishedWithItsStopReasonAndMeterValues() throws Exception {
        String id = "TC-E07";
        try (OcppClient cp = connect(id, "ocpp2.0.1")) {
            result(cp.call("e1", "TransactionEvent", event201("Started", "tx-e07", 0, EVSE_1)));
            result(cp.call("e2", "TransactionEvent", event201("Updated", "tx-e07", 1, """
                    ,"meterValue":[{"timestamp":"2025-03-01T08:05:00Z","sampledValue":[
                      {"value":11,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W","multiplier":3}},
                      {"value":4200,"context":"Sample.Periodic"}]}]""")));
            JsonNode conf = result(cp.call("e3", "TransactionEvent", """
                    {"eventType":"Ended","timestamp":"2025-03-01T09:00:00Z","triggerReason":"StopAuthorized","seqNo":2,
                     "transactionInfo":{"transactionId":"tx-e07","stoppedReason":"EVDisconnected"},
                     "idToken":{"idToken":"TAG-E07","type":"ISO14443"},
                     "meterValue":[{"timestamp":"2025-03-01T09:00:00Z","sampledValue":[
                       {"value":9000,"context":"Transaction.End","unitOfMeasure":{"unit":"Wh"}}]}]}"""));
            assertThat(conf.get("idTokenInfo").get("status").asText()).isEqualTo("Accepted");
        }
        List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 3);
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("Started", "Updated", "Ended");
        long transactionId = events.get(0).get("transactionId").asLong();
        assertThat(transactionId).isGreaterThanOrEqualTo(ID_FLOOR);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("transactionId").asLong()).isEqualTo(transactionId);
            assertThat(e.get("chargerTransactionId").asText()).isEqualTo("tx-e07");
            assertThat(e.get("evseId").asInt()).isEqualTo(1);
        });
        JsonNode ended = events.get(2);
        assertThat(ended.get("stopReason").asText()).isEqualTo("EVDisconnected");
        assertThat(ended.get("meterWh").asLong()).isEqualTo(9000);
        assertThat(ended.get("idToken").asText()).isEqualTo("TAG-E07");
        assertThat(events.get(1).get("meterWh").asLong()).isEqualTo(4200);
        List<JsonNode> samples = Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, id, 2);
        assertThat(samples.get(0).get("powerW").asDouble()).isEqualTo(11000.0);
        assertThat(samples.get(0).get("energyWh").asLong()).isEqualTo(4200);
        assertThat(samples.get(1).get("energyWh").asLong()).isEqualTo(9000);
        assertThat(samples)
                .allSatisfy(s -> assertThat(s.get("transactionId").asLong()).isEqualTo(transactionId));
    }

    @Test
    void coreUnreachableAtTransactionStarted_201_startedWithConnectsId() throws Exception {
        String id = "TC-E-TXDOWN";
        CoreStub.registerToken("TAG-OFF-201");
        registry.sync();
        try (OcppClient cp = connect(id, "ocpp2.0.1")) {
            CoreStub.down(true);
            JsonNode conf = result(cp.call(
                    "e1",
                    "TransactionEvent",
                    event201(
                            "Started",
                            "tx-off",
                            0,
                            EVSE_1 + ",\"idToken\":{\"idToken\":\"TAG-OFF-201\",\"type\":\"ISO14443\"}")));
            assertThat(conf.get("idTokenInfo").get("status").asText()).isEqualTo("Accepted");
            result(cp.call("e2", "TransactionEvent", event201("Ended", "tx-off", 1, "")));
            List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 2);
            long transactionId = events.get(0).get("transactionId").asLong();
            assertThat(transactionId).isGreaterThanOrEqualTo(ID_FLOOR);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("transactionId").asLong()).isEqualTo(transactionId);
                assertThat(e.get("chargerTransactionId").asText()).isEqualTo("tx-off");
            });
            assertThat(events.get(1).get("stopReason").asText()).isEqualTo("Local");
        } finally {
            CoreStub.down(false);
        }
    }

    @Test
    void reconnectMidTransaction_201_laterEventsCarryTheSameTransaction() throws Exception {
        String id = "TC-E-RESUME";
        OcppClient first = connect(id, "ocpp2.0.1");
        result(first.call("e1", "TransactionEvent", event201("Started", "tx-resume", 0, EVSE_1)));
        disconnect(first, id);
        try (OcppClient again = connect(id, "ocpp2.0.1")) {
            result(again.call("e2", "TransactionEvent", event201("Updated", "tx-resume", 1, """
                    ,"offline":true,"meterValue":[{"timestamp":"2025-03-01T08:10:00Z","sampledValue":[{"value":800}]}]""")));
            result(again.call("e3", "TransactionEvent", event201("Ended", "tx-resume", 2, "")));
        }
        List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 3);
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("Started", "Updated", "Ended");
        long transactionId = events.get(0).get("transactionId").asLong();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("transactionId").asLong()).isEqualTo(transactionId);
            assertThat(e.get("chargerTransactionId").asText()).isEqualTo("tx-resume");
        });
        assertThat(Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, id, 1))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.get("transactionId").asLong()).isEqualTo(transactionId);
                    assertThat(m.get("chargerTransactionId").asText()).isEqualTo("tx-resume");
                    assertThat(m.get("energyWh").asLong()).isEqualTo(800);
                });
    }

    @Test
    void transactionStartedBeforeARestartOrOnAnotherInstance_201_laterEventsCarryItsIdAndEvse() throws Exception {
        String id = "TC-E-RESTART";
        // As connect (this or another instance, before a restart) stored it when the transaction started.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into open_transaction"
                        + " (charge_point_id, transaction_key, transaction_id, evse_id, connector_id)"
                        + " values (?, '2.0.1:tx-restart', 4007, 2, 1)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
        try (OcppClient cp = connect(id, "ocpp2.0.1")) {
            result(cp.call("r1", "TransactionEvent", event201("Updated", "tx-restart", 5, "")));
            result(cp.call("r2", "TransactionEvent", event201("Ended", "tx-restart", 6, "")));
        }

        List<JsonNode> events = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 2);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("transactionId").asLong()).isEqualTo(4007);
            assertThat(e.get("evseId").asInt()).isEqualTo(2);
        });
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from open_transaction where charge_point_id = ?")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("an ended transaction is forgotten")
                        .isZero();
            }
        }
    }

    @Test
    void anOpenTransactionWithoutAnEndIsForgottenAfterItsRetention() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into open_transaction"
                        + " (charge_point_id, transaction_key, transaction_id, evse_id, connector_id,"
                        + " started_at) values ('TC-PRUNE', ?, 1, 1, 1, now() - ?::interval)")) {
            insert.setString(1, "1.6:old");
            insert.setString(2, "40 days");
            insert.executeUpdate();
            insert.setString(1, "1.6:recent");
            insert.setString(2, "1 hour");
            insert.executeUpdate();
        }

        openTransactions.forgetStartedBefore(Instant.now().minus(Duration.ofDays(30)));

        assertThat(openTransactions.recall("TC-PRUNE", "1.6:old")).isEmpty();
        assertThat(openTransactions.recall("TC-PRUNE", "1.6:recent")).isPresent();
    }

    @Test
    void malformedTransactionEvent_201_getsTheCallErrorOfItsViolation() throws Exception {
        String id = "TC-E-BAD";
        try (OcppClient cp = connect(id, "ocpp2.0.1")) {
            assertError(
                    cp.call("b1", "TransactionEvent", event201("Paused", "tx-bad", 0, EVSE_1)),
                    "b1",
                    "PropertyConstraintViolation");
            assertError(cp.call("b2", "TransactionEvent", """
                            {"eventType":"Started","timestamp":"2025-03-01T08:00:00Z","triggerReason":"Authorized","seqNo":0}"""), "b2", "OccurrenceConstraintViolation");
            // a Started event must name its EVSE
            assertError(
                    cp.call("b3", "TransactionEvent", event201("Started", "tx-bad", 0, "")),
                    "b3",
                    "OccurrenceConstraintViolation");
            assertThat(result(cp.call("ok", "Heartbeat", "{}")).has("currentTime"))
                    .isTrue();
        }
        assertThat(Events.none(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id))
                .isTrue();
    }

    @Test
    void TC_J_01_CSMS_meterValuesOutsideATransaction() throws Exception {
        String id = "TC-J01";
        try (OcppClient cp = connect(id, "ocpp2.0.1")) {
            result(cp.call("j1", "MeterValues", """
                    {"evseId":0,"meterValue":[{"timestamp":"2025-03-01T08:00:00Z","sampledValue":[
                      {"value":150.25,"unitOfMeasure":{"unit":"kWh"}},
                      {"value":40,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"kW"}}]}]}"""));
        }
        JsonNode sample =
                Events.await(EventTypes.CONNECT_CHARGER_METER_VALUES_V1, id, 1).get(0);
        assertThat(sample.get("evseId").asInt()).isZero();
        assertThat(sample.get("connectorId").asInt()).isZero();
        assertThat(sample.get("transactionId").isNull()).isTrue();
        assertThat(sample.get("energyWh").asLong()).isEqualTo(150250);
        assertThat(sample.get("powerW").asDouble()).isEqualTo(40000.0);
    }
}
