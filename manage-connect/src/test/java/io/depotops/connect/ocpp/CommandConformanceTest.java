package io.depotops.connect.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.depotops.chargepointsim.Frames;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.connect.adapter.in.messaging.CommandQueue;
import io.depotops.connect.application.routing.InstanceIdentity;
import io.depotops.connect.application.session.OcppSessions;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.platform.messaging.RabbitMqConnection;
import io.depotops.platform.testing.TestBroker;
import io.depotops.platform.testing.TestServers;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands from core (issue 4, "Commands from core"): published on depotops.commands with key
 * chargepoint.&lt;id&gt; as core does, they reach the test charger as the OCPP call of its version,
 * and each ends in a connect.command.result.v1 on depotops.events. Also the operator API, the Redis
 * holder record and the routing of the instance's command queue. Names follow the OCPP 2.0.1
 * conformance cases (TC_F_xx remote control, TC_K_xx smart charging, ...) where one applies.
 */
@QuarkusTest
@QuarkusTestResource(CoreStub.class)
class CommandConformanceTest {

    private static Connection broker;
    private static Channel publisher;
    private static final List<String> RETURNED = new CopyOnWriteArrayList<>();

    @TestHTTPResource("/")
    URI base;

    @Inject
    OcppSessions sessions;

    @Inject
    InstanceIdentity instance;

    @Inject
    RedisDataSource redis;

    @Inject
    CommandQueue commandQueue;

    @Inject
    RabbitMqConnection rabbit;

    @BeforeAll
    static void connectToBroker() throws Exception {
        Events.queue();
        // Straight to the broker in this run's vhost: core's side stays up while a test cuts connect's link.
        broker = TestBroker.connectionFactory().newConnection("depotops-test-core");
        publisher = broker.createChannel();
        // what core sees with the mandatory flag: a command no instance routes comes back
        publisher.addReturnListener(
                returned -> RETURNED.add(returned.getProperties().getMessageId()));
    }

    @AfterAll
    static void closeBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    // ---- helpers ----

    /** Connects and waits until this instance routes the charger's commands (holder recorded). */
    private OcppClient connected(String id, String subprotocol) throws Exception {
        OcppClient cp = OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, subprotocol);
        awaitHolder(id, Optional.of(instance.id()));
        return cp;
    }

    private void awaitHolder(String id, Optional<String> holder) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Optional.ofNullable(redis.value(String.class).get("depotops:connect:holder:" + id))
                        .equals(holder));
    }

    /** Publishes a ChargerCommandV1 as core does; returns its command id. */
    private static String publish(String chargePointId, String command, String parametersJson, Instant deadline)
            throws Exception {
        String commandId = UUID.randomUUID().toString();
        String body = """
                {"commandId":"%s","chargePointId":"%s","workspaceId":"ws-1","command":"%s","parameters":%s,
                 "requestedAt":"%s"%s}""".formatted(
                        commandId,
                        chargePointId,
                        command,
                        parametersJson,
                        Instant.now(),
                        deadline == null ? "" : ",\"deadline\":\"" + deadline + "\"");
        publishRaw(chargePointId, commandId, body);
        return commandId;
    }

    private static void publishRaw(String chargePointId, String commandId, String body) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(commandId)
                .contentType("application/json")
                .deliveryMode(2)
                .build();
        publisher.basicPublish(
                Exchanges.COMMANDS,
                "chargepoint." + chargePointId,
                true,
                properties,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The result event of a command. */
    private static JsonNode result(String chargePointId, String commandId) throws Exception {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> resultOf(chargePointId, commandId).isPresent());
        return resultOf(chargePointId, commandId).orElseThrow();
    }

    private static Optional<JsonNode> resultOf(String chargePointId, String commandId) throws Exception {
        return Events.of(EventTypes.CONNECT_COMMAND_RESULT_V1, chargePointId).stream()
                .filter(result -> result.get("commandId").asText().equals(commandId))
                .findFirst();
    }

    /** The next CALL connect sends the charger: [2, id, action, payload]. */
    private static JsonNode nextCall(OcppClient cp, String action) throws Exception {
        JsonNode call = cp.next(Duration.ofSeconds(10));
        assertThat(call.get(0).asInt()).isEqualTo(2);
        assertThat(call.get(2).asText()).isEqualTo(action);
        return call;
    }

    private static void answer(OcppClient cp, JsonNode call, String payloadJson) {
        cp.sendRaw("[3,\"" + call.get(1).asText() + "\"," + payloadJson + "]");
    }

    /** A command's OCPP call as the charger received it, and the command's result. */
    record Ran(JsonNode payload, JsonNode result) {
        String outcome() {
            return result.get("outcome").asText();
        }
    }

    /** Publishes a command, expects {@code action} at the charger, answers it, returns both ends. */
    private static Ran run(OcppClient cp, String id, String command, String parameters, String action, String answer)
            throws Exception {
        String commandId = publish(id, command, parameters, null);
        JsonNode call = nextCall(cp, action);
        answer(cp, call, answer);
        return new Ran(call.get(3), result(id, commandId));
    }

    private HttpResponse<String> post(String json) throws Exception {
        return postAsync(json).get(60, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String json) throws Exception {
        String bearer = OperatorToken.bearer();
        return HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(base.resolve("/api/v1/commands"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", bearer)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    // ---- OCPP 1.6 ----

    @Test
    void ocpp16_remoteStart_accepted() throws Exception {
        try (OcppClient cp = connected("CMD16-START", "ocpp1.6")) {
            String commandId = publish("CMD16-START", "REMOTE_START", "{\"evseId\":1,\"idToken\":\"TAG-1\"}", null);
            JsonNode call = nextCall(cp, "RemoteStartTransaction");
            assertThat(call.get(3).get("connectorId").asInt()).isEqualTo(1);
            assertThat(call.get(3).get("idTag").asText()).isEqualTo("TAG-1");
            answer(cp, call, "{\"status\":\"Accepted\"}");
            JsonNode result = result("CMD16-START", commandId);
            assertThat(result.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(result.get("response").get("status").asText()).isEqualTo("Accepted");
            assertThat(result.get("chargePointId").asText()).isEqualTo("CMD16-START");
        }
    }

    @Test
    void ocpp16_reset_rejected_andRemoteStopByTransactionId() throws Exception {
        try (OcppClient cp = connected("CMD16-RESET", "ocpp1.6")) {
            String reset = publish("CMD16-RESET", "RESET", "{\"type\":\"Soft\"}", null);
            String stop = publish("CMD16-RESET", "REMOTE_STOP", "{\"transactionId\":1001}", null);
            JsonNode call = nextCall(cp, "Reset");
            assertThat(call.get(3).get("type").asText()).isEqualTo("Soft");
            answer(cp, call, "{\"status\":\"Rejected\"}");
            JsonNode stopCall = nextCall(cp, "RemoteStopTransaction");
            assertThat(stopCall.get(3).get("transactionId").asInt()).isEqualTo(1001);
            answer(cp, stopCall, "{\"status\":\"Accepted\"}");

            JsonNode rejected = result("CMD16-RESET", reset);
            assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("detail").asText()).contains("Rejected");
            assertThat(result("CMD16-RESET", stop).get("outcome").asText()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void ocpp16_callErrorIsFailed_noAnswerIsTimedOut() throws Exception {
        try (OcppClient cp = connected("CMD16-ERR", "ocpp1.6")) {
            String unlock = publish("CMD16-ERR", "UNLOCK_CONNECTOR", "{\"evseId\":2}", null);
            JsonNode call = nextCall(cp, "UnlockConnector");
            assertThat(call.get(3).get("connectorId").asInt()).isEqualTo(2);
            cp.sendRaw("[4,\"" + call.get(1).asText() + "\",\"NotSupported\",\"no lock here\",{}]");
            JsonNode failed = result("CMD16-ERR", unlock);
            assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(failed.get("detail").asText()).contains("NotSupported").contains("no lock here");

            String availability =
                    publish("CMD16-ERR", "CHANGE_AVAILABILITY", "{\"evseId\":0,\"operative\":false}", null);
            JsonNode unanswered = nextCall(cp, "ChangeAvailability");
            assertThat(unanswered.get(3).get("type").asText()).isEqualTo("Inoperative");
            // not answered: depotops.connect.call-timeout=2s in tests
            assertThat(result("CMD16-ERR", availability).get("outcome").asText())
                    .isEqualTo("TIMED_OUT");
        }
    }

    @Test
    void ocpp16_chargingLimit_perEvseIsTxDefaultProfile_wholeChargerIsChargePointMax() throws Exception {
        try (OcppClient cp = connected("CMD16-LIMIT", "ocpp1.6")) {
            String evse = publish("CMD16-LIMIT", "SET_CHARGING_LIMIT", "{\"evseId\":1,\"limitKw\":7.4}", null);
            JsonNode call = nextCall(cp, "SetChargingProfile");
            JsonNode profile = call.get(3).get("csChargingProfiles");
            assertThat(call.get(3).get("connectorId").asInt()).isEqualTo(1);
            assertThat(profile.get("chargingProfilePurpose").asText()).isEqualTo("TxDefaultProfile");
            assertThat(profile.get("chargingSchedule").get("chargingRateUnit").asText())
                    .isEqualTo("W");
            assertThat(profile.get("chargingSchedule")
                            .get("chargingSchedulePeriod")
                            .get(0)
                            .get("limit")
                            .asDouble())
                    .isEqualTo(7400.0);
            answer(cp, call, "{\"status\":\"Accepted\"}");
            assertThat(result("CMD16-LIMIT", evse).get("outcome").asText()).isEqualTo("ACCEPTED");

            String site = publish("CMD16-LIMIT", "SET_CHARGING_LIMIT", "{\"evseId\":0,\"limitKw\":50}", null);
            JsonNode siteCall = nextCall(cp, "SetChargingProfile");
            assertThat(siteCall.get(3)
                            .get("csChargingProfiles")
                            .get("chargingProfilePurpose")
                            .asText())
                    .isEqualTo("ChargePointMaxProfile");
            answer(cp, siteCall, "{\"status\":\"Accepted\"}");
            assertThat(result("CMD16-LIMIT", site).get("outcome").asText()).isEqualTo("ACCEPTED");

            String clear = publish("CMD16-LIMIT", "CLEAR_CHARGING_LIMIT", "{\"evseId\":1}", null);
            JsonNode clearCall = nextCall(cp, "ClearChargingProfile");
            assertThat(clearCall.get(3).get("id").asInt())
                    .isEqualTo(profile.get("chargingProfileId").asInt());
            answer(cp, clearCall, "{\"status\":\"Unknown\"}");
            assertThat(result("CMD16-LIMIT", clear).get("outcome").asText()).isEqualTo("REJECTED");
        }
    }

    @Test
    void invalidCommands_failWithADetail_withoutReachingTheCharger() throws Exception {
        try (OcppClient cp = connected("CMD16-INVALID", "ocpp1.6")) {
            String unknownParameter = publish("CMD16-INVALID", "RESET", "{\"type\":\"Soft\",\"when\":\"now\"}", null);
            String badTransaction = publish("CMD16-INVALID", "REMOTE_STOP", "{\"chargerTransactionId\":\"abc\"}", null);
            String expired = publish(
                    "CMD16-INVALID",
                    "RESET",
                    "{\"type\":\"Hard\"}",
                    Instant.now().minusSeconds(5));
            String notJsonId = UUID.randomUUID().toString();
            publishRaw("CMD16-INVALID", notJsonId, "{not json");
            String unknownCommand = UUID.randomUUID().toString();
            publishRaw(
                    "CMD16-INVALID",
                    unknownCommand,
                    "{\"commandId\":\"" + unknownCommand
                            + "\",\"chargePointId\":\"CMD16-INVALID\",\"command\":\"SELF_DESTRUCT\"}");

            JsonNode unknown = result("CMD16-INVALID", unknownParameter);
            assertThat(unknown.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(unknown.get("detail").asText()).contains("parameters.when");
            JsonNode transaction = result("CMD16-INVALID", badTransaction);
            assertThat(transaction.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(transaction.get("detail").asText()).contains("abc");
            JsonNode late = result("CMD16-INVALID", expired);
            assertThat(late.get("outcome").asText()).isEqualTo("TIMED_OUT");
            assertThat(late.get("detail").asText()).contains("deadline");
            assertThat(result("CMD16-INVALID", notJsonId).get("outcome").asText())
                    .isEqualTo("FAILED");
            assertThat(result("CMD16-INVALID", unknownCommand).get("outcome").asText())
                    .isEqualTo("FAILED");
            // none of them reached the charger
            assertThat(cp.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void ocpp16_getAndChangeConfiguration() throws Exception {
        String id = "CMD16-CONFIG";
        try (OcppClient cp = connected(id, "ocpp1.6")) {
            Ran get = run(
                    cp,
                    id,
                    "GET_CONFIGURATION",
                    "{\"keys\":[\"HeartbeatInterval\"]}",
                    "GetConfiguration",
                    "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"}]}");
            assertThat(get.payload().get("key").get(0).asText()).isEqualTo("HeartbeatInterval");
            // no status word: the answer is the information asked for
            assertThat(get.outcome()).isEqualTo("ACCEPTED");
            assertThat(get.result()
                            .get("response")
                            .get("configurationKey")
                            .get(0)
                            .get("value")
                            .asText())
                    .isEqualTo("300");
            Ran all = run(cp, id, "GET_CONFIGURATION", "{}", "GetConfiguration", "{}");
            assertThat(all.payload().has("key")).isFalse();

            Ran change = run(
                    cp,
                    id,
                    "SET_CONFIGURATION",
                    "{\"key\":\"MeterValueSampleInterval\",\"value\":\"60\"}",
                    "ChangeConfiguration",
                    "{\"status\":\"RebootRequired\"}");
            assertThat(change.payload().get("key").asText()).isEqualTo("MeterValueSampleInterval");
            assertThat(change.payload().get("value").asText()).isEqualTo("60");
            assertThat(change.outcome()).isEqualTo("ACCEPTED");
            assertThat(change.result().get("detail").asText()).contains("RebootRequired");
            Ran unsupported = run(
                    cp,
                    id,
                    "SET_CONFIGURATION",
                    "{\"key\":\"Foo\",\"value\":\"1\"}",
                    "ChangeConfiguration",
                    "{\"status\":\"NotSupported\"}");
            assertThat(unsupported.outcome()).isEqualTo("REJECTED");
        }
    }

    @Test
    void ocpp16_firmwareDiagnosticsCacheAndLocalList() throws Exception {
        String id = "CMD16-FIRMWARE";
        try (OcppClient cp = connected(id, "ocpp1.6")) {
            Ran firmware = run(
                    cp,
                    id,
                    "UPDATE_FIRMWARE",
                    "{\"location\":\"https://fw.example/cp-2.1.bin\",\"retrieveAt\":\"2030-01-01T02:00:00Z\",\"retries\":3,\"retryIntervalSeconds\":120}",
                    "UpdateFirmware",
                    "{}");
            assertThat(firmware.payload().get("location").asText()).isEqualTo("https://fw.example/cp-2.1.bin");
            assertThat(firmware.payload().get("retrieveDate").asText()).isEqualTo("2030-01-01T02:00:00Z");
            assertThat(firmware.payload().get("retries").asInt()).isEqualTo(3);
            assertThat(firmware.payload().get("retryInterval").asInt()).isEqualTo(120);
            assertThat(firmware.outcome()).isEqualTo("ACCEPTED");

            Ran diagnostics = run(
                    cp,
                    id,
                    "UPLOAD_DIAGNOSTICS",
                    "{\"location\":\"ftp://logs.example/in\"}",
                    "GetDiagnostics",
                    "{\"fileName\":\"diag.zip\"}");
            assertThat(diagnostics.payload().get("location").asText()).isEqualTo("ftp://logs.example/in");
            assertThat(diagnostics.outcome()).isEqualTo("ACCEPTED");
            assertThat(diagnostics.result().get("response").get("fileName").asText())
                    .isEqualTo("diag.zip");

            assertThat(run(cp, id, "CLEAR_CACHE", "{}", "ClearCache", "{\"status\":\"Rejected\"}")
                            .outcome())
                    .isEqualTo("REJECTED");

            Ran list = run(
                    cp,
                    id,
                    "SEND_LOCAL_LIST",
                    "{\"version\":3,\"updateType\":\"Differential\",\"entries\":[{\"idToken\":\"TAG-A\",\"status\":\"Accepted\",\"expiry\":\"2030-01-01T00:00:00Z\"},{\"idToken\":\"TAG-GONE\"}]}",
                    "SendLocalList",
                    "{\"status\":\"VersionMismatch\"}");
            assertThat(list.payload().get("listVersion").asInt()).isEqualTo(3);
            assertThat(list.payload().get("updateType").asText()).isEqualTo("Differential");
            JsonNode entries = list.payload().get("localAuthorizationList");
            assertThat(entries.get(0).get("idTag").asText()).isEqualTo("TAG-A");
            assertThat(entries.get(0).get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            assertThat(entries.get(0).get("idTagInfo").get("expiryDate").asText())
                    .isEqualTo("2030-01-01T00:00:00Z");
            assertThat(entries.get(1).has("idTagInfo")).isFalse();
            assertThat(list.outcome()).isEqualTo("REJECTED");
            assertThat(list.result().get("detail").asText()).contains("VersionMismatch");

            Ran version = run(cp, id, "GET_LOCAL_LIST_VERSION", "{}", "GetLocalListVersion", "{\"listVersion\":3}");
            assertThat(version.outcome()).isEqualTo("ACCEPTED");
            assertThat(version.result().get("response").get("listVersion").asInt())
                    .isEqualTo(3);
        }
    }

    @Test
    void ocpp16_reservationCompositeScheduleAndDataTransfer() throws Exception {
        String id = "CMD16-RESERVE";
        try (OcppClient cp = connected(id, "ocpp1.6")) {
            Ran reserve = run(
                    cp,
                    id,
                    "RESERVE_NOW",
                    "{\"evseId\":2,\"idToken\":\"TAG-R\",\"expiresAt\":\"2030-01-01T08:00:00Z\",\"reservationId\":42}",
                    "ReserveNow",
                    "{\"status\":\"Occupied\"}");
            assertThat(reserve.payload().get("connectorId").asInt()).isEqualTo(2);
            assertThat(reserve.payload().get("idTag").asText()).isEqualTo("TAG-R");
            assertThat(reserve.payload().get("expiryDate").asText()).isEqualTo("2030-01-01T08:00:00Z");
            assertThat(reserve.payload().get("reservationId").asInt()).isEqualTo(42);
            assertThat(reserve.outcome()).isEqualTo("REJECTED");

            Ran cancel = run(
                    cp,
                    id,
                    "CANCEL_RESERVATION",
                    "{\"reservationId\":42}",
                    "CancelReservation",
                    "{\"status\":\"Accepted\"}");
            assertThat(cancel.payload().get("reservationId").asInt()).isEqualTo(42);
            assertThat(cancel.outcome()).isEqualTo("ACCEPTED");

            Ran schedule = run(
                    cp,
                    id,
                    "GET_COMPOSITE_SCHEDULE",
                    "{\"evseId\":1,\"durationSeconds\":3600,\"unit\":\"W\"}",
                    "GetCompositeSchedule",
                    "{\"status\":\"Accepted\",\"connectorId\":1}");
            assertThat(schedule.payload().get("connectorId").asInt()).isEqualTo(1);
            assertThat(schedule.payload().get("duration").asInt()).isEqualTo(3600);
            assertThat(schedule.payload().get("chargingRateUnit").asText()).isEqualTo("W");
            assertThat(schedule.outcome()).isEqualTo("ACCEPTED");

            Ran transfer = run(
                    cp,
                    id,
                    "DATA_TRANSFER",
                    "{\"vendorId\":\"com.vendor\",\"messageId\":\"cfg\",\"data\":{\"fan\":\"max\"}}",
                    "DataTransfer",
                    "{\"status\":\"UnknownVendorId\"}");
            assertThat(transfer.payload().get("vendorId").asText()).isEqualTo("com.vendor");
            // 1.6 data is a string: JSON goes as its text
            assertThat(transfer.payload().get("data").asText()).isEqualTo("{\"fan\":\"max\"}");
            assertThat(transfer.outcome()).isEqualTo("REJECTED");
        }
    }

    @Test
    void ocpp16_rawOcppCall_sentAsIs_unknownOrChargerActionsFail() throws Exception {
        String id = "CMD16-RAW";
        try (OcppClient cp = connected(id, "ocpp1.6")) {
            Ran raw = run(
                    cp,
                    id,
                    "OCPP_CALL",
                    "{\"action\":\"TriggerMessage\",\"payload\":{\"requestedMessage\":\"DiagnosticsStatusNotification\"}}",
                    "TriggerMessage",
                    "{\"status\":\"Accepted\"}");
            assertThat(raw.payload().get("requestedMessage").asText()).isEqualTo("DiagnosticsStatusNotification");
            assertThat(raw.outcome()).isEqualTo("ACCEPTED");

            String unknown = publish(id, "OCPP_CALL", "{\"action\":\"SelfDestruct\",\"payload\":{}}", null);
            String chargers = publish(id, "OCPP_CALL", "{\"action\":\"BootNotification\"}", null);
            String invalid = publish(
                    id,
                    "OCPP_CALL",
                    "{\"action\":\"TriggerMessage\",\"payload\":{\"requestedMessage\":\"Coffee\"}}",
                    null);
            assertThat(result(id, unknown).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(result(id, unknown).get("detail").asText()).contains("SelfDestruct");
            assertThat(result(id, chargers).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(result(id, invalid).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(cp.poll(Duration.ofMillis(300))).isNull();
        }
    }

    // ---- OCPP 2.0.1 ----

    @Test
    void TC_B_06_and_B_07_CSMS_getAndSetVariables() throws Exception {
        String id = "CMD201-VARS";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            Ran get = run(
                    cp,
                    id,
                    "GET_CONFIGURATION",
                    "{\"keys\":[\"OCPPCommCtrlr.HeartbeatInterval\",\"SampledDataCtrlr.TxUpdatedInterval\"]}",
                    "GetVariables",
                    "{\"getVariableResult\":[{\"attributeStatus\":\"Accepted\",\"attributeValue\":\"300\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},{\"attributeStatus\":\"UnknownVariable\",\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}}]}");
            JsonNode data = get.payload().get("getVariableData");
            assertThat(data.get(0).get("component").get("name").asText()).isEqualTo("OCPPCommCtrlr");
            assertThat(data.get(0).get("variable").get("name").asText()).isEqualTo("HeartbeatInterval");
            assertThat(data.get(1).get("component").get("name").asText()).isEqualTo("SampledDataCtrlr");
            // per-variable statuses: the answer is in the response
            assertThat(get.outcome()).isEqualTo("ACCEPTED");
            assertThat(get.result()
                            .get("response")
                            .get("getVariableResult")
                            .get(1)
                            .get("attributeStatus")
                            .asText())
                    .isEqualTo("UnknownVariable");

            Ran set = run(
                    cp,
                    id,
                    "SET_CONFIGURATION",
                    "{\"key\":\"OCPPCommCtrlr.HeartbeatInterval\",\"value\":\"120\"}",
                    "SetVariables",
                    "{\"setVariableResult\":[{\"attributeStatus\":\"Rejected\",\"attributeStatusInfo\":{\"reasonCode\":\"ReadOnly\"},\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");
            JsonNode variable = set.payload().get("setVariableData").get(0);
            assertThat(variable.get("attributeValue").asText()).isEqualTo("120");
            assertThat(variable.get("component").get("name").asText()).isEqualTo("OCPPCommCtrlr");
            assertThat(variable.get("variable").get("name").asText()).isEqualTo("HeartbeatInterval");
            assertThat(set.outcome()).isEqualTo("REJECTED");
            assertThat(set.result().get("detail").asText()).contains("Rejected").contains("ReadOnly");

            // a key that names no component cannot be mapped; nor can "all keys" in 2.0.1
            String noComponent =
                    publish(id, "SET_CONFIGURATION", "{\"key\":\"HeartbeatInterval\",\"value\":\"1\"}", null);
            String allKeys = publish(id, "GET_CONFIGURATION", "{}", null);
            assertThat(result(id, noComponent).get("detail").asText()).contains("Component.Variable");
            assertThat(result(id, allKeys).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(cp.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void TC_L_01_and_N_01_CSMS_firmwareUpdateAndLogUpload() throws Exception {
        String id = "CMD201-FIRMWARE";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            Ran firmware = run(
                    cp,
                    id,
                    "UPDATE_FIRMWARE",
                    "{\"location\":\"https://fw.example/cs-3.0.bin\",\"retrieveAt\":\"2030-01-01T02:00:00Z\"}",
                    "UpdateFirmware",
                    "{\"status\":\"AcceptedCanceled\"}");
            assertThat(firmware.payload().get("firmware").get("location").asText())
                    .isEqualTo("https://fw.example/cs-3.0.bin");
            assertThat(firmware.payload()
                            .get("firmware")
                            .get("retrieveDateTime")
                            .asText())
                    .isEqualTo("2030-01-01T02:00:00Z");
            assertThat(firmware.payload().get("requestId").asInt()).isPositive();
            assertThat(firmware.outcome()).isEqualTo("ACCEPTED");

            Ran log = run(
                    cp,
                    id,
                    "UPLOAD_DIAGNOSTICS",
                    "{\"location\":\"https://logs.example/in\"}",
                    "GetLog",
                    "{\"status\":\"Accepted\",\"filename\":\"log.tgz\"}");
            assertThat(log.payload().get("logType").asText()).isEqualTo("DiagnosticsLog");
            assertThat(log.payload().get("log").get("remoteLocation").asText()).isEqualTo("https://logs.example/in");
            assertThat(log.outcome()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void TC_D_01_CSMS_localList_andClearCache() throws Exception {
        String id = "CMD201-LIST";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            Ran list = run(
                    cp,
                    id,
                    "SEND_LOCAL_LIST",
                    "{\"version\":7,\"updateType\":\"Full\",\"entries\":[{\"idToken\":\"TAG-B\",\"status\":\"Blocked\"}]}",
                    "SendLocalList",
                    "{\"status\":\"Accepted\"}");
            assertThat(list.payload().get("versionNumber").asInt()).isEqualTo(7);
            JsonNode entry = list.payload().get("localAuthorizationList").get(0);
            assertThat(entry.get("idToken").get("idToken").asText()).isEqualTo("TAG-B");
            assertThat(entry.get("idToken").get("type").asText()).isEqualTo("Central");
            assertThat(entry.get("idTokenInfo").get("status").asText()).isEqualTo("Blocked");
            assertThat(list.outcome()).isEqualTo("ACCEPTED");

            Ran empty = run(
                    cp,
                    id,
                    "SEND_LOCAL_LIST",
                    "{\"version\":8,\"updateType\":\"Full\",\"entries\":[]}",
                    "SendLocalList",
                    "{\"status\":\"Accepted\"}");
            assertThat(empty.payload().has("localAuthorizationList")).isFalse();

            Ran version = run(cp, id, "GET_LOCAL_LIST_VERSION", "{}", "GetLocalListVersion", "{\"versionNumber\":8}");
            assertThat(version.outcome()).isEqualTo("ACCEPTED");
            assertThat(version.result().get("response").get("versionNumber").asInt())
                    .isEqualTo(8);
            assertThat(run(cp, id, "CLEAR_CACHE", "{}", "ClearCache", "{\"status\":\"Accepted\"}")
                            .outcome())
                    .isEqualTo("ACCEPTED");
        }
    }

    @Test
    void TC_H_01_CSMS_reservation_compositeSchedule_dataTransfer_rawCall() throws Exception {
        String id = "CMD201-RESERVE";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            Ran reserve = run(
                    cp,
                    id,
                    "RESERVE_NOW",
                    "{\"evseId\":0,\"idToken\":\"TAG-R\",\"expiresAt\":\"2030-01-01T08:00:00Z\",\"reservationId\":43}",
                    "ReserveNow",
                    "{\"status\":\"Accepted\"}");
            assertThat(reserve.payload().get("id").asInt()).isEqualTo(43);
            assertThat(reserve.payload().get("idToken").get("idToken").asText()).isEqualTo("TAG-R");
            assertThat(reserve.payload().get("expiryDateTime").asText()).isEqualTo("2030-01-01T08:00:00Z");
            assertThat(reserve.payload().has("evseId")).as("any EVSE").isFalse();
            assertThat(reserve.outcome()).isEqualTo("ACCEPTED");

            Ran cancel = run(
                    cp,
                    id,
                    "CANCEL_RESERVATION",
                    "{\"reservationId\":43}",
                    "CancelReservation",
                    "{\"status\":\"Rejected\"}");
            assertThat(cancel.outcome()).isEqualTo("REJECTED");

            Ran schedule = run(
                    cp,
                    id,
                    "GET_COMPOSITE_SCHEDULE",
                    "{\"evseId\":1,\"durationSeconds\":900}",
                    "GetCompositeSchedule",
                    "{\"status\":\"Accepted\"}");
            assertThat(schedule.payload().get("evseId").asInt()).isEqualTo(1);
            assertThat(schedule.payload().get("duration").asInt()).isEqualTo(900);
            assertThat(schedule.payload().has("chargingRateUnit")).isFalse();

            Ran transfer = run(
                    cp,
                    id,
                    "DATA_TRANSFER",
                    "{\"vendorId\":\"com.vendor\",\"data\":{\"fan\":\"max\"}}",
                    "DataTransfer",
                    "{\"status\":\"Accepted\",\"data\":{\"fan\":\"ok\"}}");
            assertThat(transfer.payload().get("data").get("fan").asText()).isEqualTo("max");
            assertThat(transfer.outcome()).isEqualTo("ACCEPTED");

            Ran raw = run(
                    cp,
                    id,
                    "OCPP_CALL",
                    "{\"action\":\"GetBaseReport\",\"payload\":{\"requestId\":1,\"reportBase\":\"FullInventory\"}}",
                    "GetBaseReport",
                    "{\"status\":\"Accepted\"}");
            assertThat(raw.payload().get("reportBase").asText()).isEqualTo("FullInventory");
            assertThat(raw.outcome()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void TC_F_03_CSMS_remoteStopByTheTransactionsId() throws Exception {
        String id = "CMD201-STOP";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            JsonNode started = cp.call(
                    "e1",
                    "TransactionEvent",
                    OcppTransactionConformanceTest.event201(
                            "Started", "tx-f03", 0, OcppTransactionConformanceTest.EVSE_1));
            assertThat(started.get(0).asInt()).isEqualTo(3);
            long transactionId = Events.await(EventTypes.CONNECT_CHARGER_TRANSACTION_EVENT_V1, id, 1)
                    .get(0)
                    .get("transactionId")
                    .asLong();
            String stop = publish(id, "REMOTE_STOP", "{\"transactionId\":" + transactionId + "}", null);
            JsonNode call = nextCall(cp, "RequestStopTransaction");
            assertThat(call.get(3).get("transactionId").asText()).isEqualTo("tx-f03");
            answer(cp, call, "{\"status\":\"Accepted\"}");
            assertThat(result(id, stop).get("outcome").asText()).isEqualTo("ACCEPTED");

            // a transaction connect does not know cannot be mapped: FAILED, nothing sent
            String unknown = publish(id, "REMOTE_STOP", "{\"transactionId\":999999}", null);
            JsonNode failed = result(id, unknown);
            assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(failed.get("detail").asText()).contains("chargerTransactionId");
        }
    }

    @Test
    void TC_F_01_CSMS_remoteStart_andReset_andTrigger() throws Exception {
        String id = "CMD201-START";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            String start = publish(id, "REMOTE_START", "{\"evseId\":1,\"idToken\":\"TAG-201\"}", null);
            JsonNode call = nextCall(cp, "RequestStartTransaction");
            assertThat(call.get(3).get("evseId").asInt()).isEqualTo(1);
            assertThat(call.get(3).get("idToken").get("idToken").asText()).isEqualTo("TAG-201");
            assertThat(call.get(3).get("idToken").get("type").asText()).isEqualTo("Central");
            assertThat(call.get(3).has("remoteStartId")).isTrue();
            answer(cp, call, "{\"status\":\"Accepted\"}");
            assertThat(result(id, start).get("outcome").asText()).isEqualTo("ACCEPTED");

            String reset = publish(id, "RESET", "{\"type\":\"Hard\"}", null);
            JsonNode resetCall = nextCall(cp, "Reset");
            assertThat(resetCall.get(3).get("type").asText()).isEqualTo("Immediate");
            answer(cp, resetCall, "{\"status\":\"Scheduled\"}");
            JsonNode scheduled = result(id, reset);
            assertThat(scheduled.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(scheduled.get("detail").asText()).contains("Scheduled");

            String trigger = publish(id, "TRIGGER_MESSAGE", "{\"message\":\"StatusNotification\",\"evseId\":1}", null);
            JsonNode triggerCall = nextCall(cp, "TriggerMessage");
            assertThat(triggerCall.get(3).get("evse").get("id").asInt()).isEqualTo(1);
            answer(cp, triggerCall, "{\"status\":\"Rejected\",\"statusInfo\":{\"reasonCode\":\"Busy\"}}");
            JsonNode rejected = result(id, trigger);
            assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("detail").asText()).contains("Rejected").contains("Busy");
        }
    }

    @Test
    void TC_K_01_CSMS_chargingLimit_callErrorAndTimeout() throws Exception {
        String id = "CMD201-LIMIT";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            String limit = publish(
                    id,
                    "SET_CHARGING_LIMIT",
                    "{\"evseId\":2,\"limitKw\":11,\"validTo\":\""
                            + Instant.now().plusSeconds(3600) + "\"}",
                    null);
            JsonNode call = nextCall(cp, "SetChargingProfile");
            JsonNode profile = call.get(3).get("chargingProfile");
            assertThat(call.get(3).get("evseId").asInt()).isEqualTo(2);
            assertThat(profile.get("chargingProfilePurpose").asText()).isEqualTo("TxDefaultProfile");
            assertThat(profile.get("chargingSchedule")
                            .get(0)
                            .get("chargingSchedulePeriod")
                            .get(0)
                            .get("limit")
                            .asDouble())
                    .isEqualTo(11000.0);
            assertThat(profile.has("validTo")).isTrue();
            cp.sendRaw("[4,\"" + call.get(1).asText() + "\",\"InternalError\",\"boom\",{}]");
            assertThat(result(id, limit).get("outcome").asText()).isEqualTo("FAILED");

            String clear = publish(id, "CLEAR_CHARGING_LIMIT", "{}", null);
            JsonNode clearCall = nextCall(cp, "ClearChargingProfile");
            assertThat(clearCall
                            .get(3)
                            .get("chargingProfileCriteria")
                            .get("stackLevel")
                            .isInt())
                    .isTrue();
            // unanswered: TIMED_OUT after the call timeout
            assertThat(result(id, clear).get("outcome").asText()).isEqualTo("TIMED_OUT");
        }
    }

    // ---- routing: holder record and queue binding ----

    @Test
    void holderRecordedWhileConnected_routeAndRecordGoneAfterDisconnect() throws Exception {
        String id = "CMD-HOLDER";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            assertThat(redis.key().pttl("depotops:connect:holder:" + id)).isPositive();
        }
        awaitHolder(id, Optional.empty());
        // no instance routes the charger any more: core's mandatory publish comes back ...
        String returned = publish(id, "RESET", "{\"type\":\"Soft\"}", null);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> RETURNED.contains(returned));
        // ... and the operator API answers OFFLINE at once, publishing that result too
        HttpResponse<String> response = post(
                "{\"chargePointId\":\"" + id + "\",\"command\":\"RESET\"," + "\"parameters\":{\"type\":\"Soft\"}}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode offline = Frames.JSON.readTree(response.body());
        assertThat(offline.get("outcome").asText()).isEqualTo("OFFLINE");
        assertThat(result(id, offline.get("commandId").asText()).get("outcome").asText())
                .isEqualTo("OFFLINE");
    }

    @Test
    void reconnectOnTheSameInstanceKeepsTheRoute() throws Exception {
        String id = "CMD-RECONNECT";
        OcppClient first = connected(id, "ocpp1.6");
        try (OcppClient second = OcppClient.connect(base.resolve("/ocpp/"), id, CoreStub.PASSWORD, "ocpp1.6")) {
            assertThat(first.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> sessions.find(id)
                            .map(view -> !view.sessionId().isEmpty())
                            .orElse(false));
            // the replaced session's end must not have removed the route or the record
            Events.await(EventTypes.CONNECT_CHARGER_DISCONNECTED_V1, id, 1);
            awaitHolder(id, Optional.of(instance.id()));
            String commandId = publish(id, "TRIGGER_MESSAGE", "{\"message\":\"Heartbeat\"}", null);
            JsonNode call = nextCall(second, "TriggerMessage");
            answer(second, call, "{\"status\":\"Accepted\"}");
            assertThat(result(id, commandId).get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(RETURNED).doesNotContain(commandId);
        } finally {
            first.close();
        }
    }

    @Test
    void routesComeBackAfterTheBrokerConnectionIsLost() throws Exception {
        String id = "CMD-RECOVER";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(commandQueue::isConsuming);
            // connect's broker link breaks, as in a network failure, and comes back
            TestServers.rabbitmq().cut();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !rabbit.isOpen());
            } finally {
                TestServers.rabbitmq().restore();
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> rabbit.isOpen() && bound(commandQueue.queueName(), "chargepoint." + id));
            String commandId = publish(id, "TRIGGER_MESSAGE", "{\"message\":\"Heartbeat\"}", null);
            JsonNode call = nextCall(cp, "TriggerMessage");
            answer(cp, call, "{\"status\":\"Accepted\"}");
            assertThat(result(id, commandId).get("outcome").asText()).isEqualTo("ACCEPTED");
        }
    }

    // ---- operator API ----

    @Test
    void operatorApi_commandToAConnectedChargerAnsweredWithItsResult() throws Exception {
        String id = "CMD-API";
        try (OcppClient cp = connected(id, "ocpp2.0.1")) {
            CompletableFuture<HttpResponse<String>> response = postAsync("{\"chargePointId\":\"" + id
                    + "\",\"command\":\"UNLOCK_CONNECTOR\",\"parameters\":{\"evseId\":1}}");
            JsonNode call = nextCall(cp, "UnlockConnector");
            assertThat(call.get(3).get("evseId").asInt()).isEqualTo(1);
            assertThat(call.get(3).get("connectorId").asInt()).isEqualTo(1);
            answer(cp, call, "{\"status\":\"Unlocked\"}");
            HttpResponse<String> answered = response.get(20, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            JsonNode result = Frames.JSON.readTree(answered.body());
            assertThat(result.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(result.get("response").get("status").asText()).isEqualTo("Unlocked");
            // the same result as an event
            assertThat(result(id, result.get("commandId").asText())
                            .get("outcome")
                            .asText())
                    .isEqualTo("ACCEPTED");
        }
    }

    @Test
    void operatorApi_aCommandForwardedToAnInstanceThatIsGoneEndsOffline() throws Exception {
        String id = "CMD-HOLDER-GONE";
        // The holder record still names an instance, but nothing has bound the charger's key.
        redis.value(String.class).setex("depotops:connect:holder:" + id, 60, "instance-that-crashed");
        try {
            HttpResponse<String> answered =
                    post("{\"chargePointId\":\"" + id + "\",\"command\":\"RESET\",\"parameters\":{\"type\":\"Soft\"}}");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            JsonNode body = Frames.JSON.readTree(answered.body());
            assertThat(body.get("outcome").asText()).isEqualTo("OFFLINE");
            assertThat(result(id, body.get("commandId").asText()).get("outcome").asText())
                    .isEqualTo("OFFLINE");
        } finally {
            redis.key().del("depotops:connect:holder:" + id);
        }
    }

    @Test
    void operatorApi_commandToAChargerOfAnotherInstanceIsForwardedAndAnsweredWithItsResult() throws Exception {
        String id = "CMD-ELSEWHERE";
        // Another connect instance holds the charger: its holder record and its queue's binding.
        redis.value(String.class).setex("depotops:connect:holder:" + id, 60, "another-instance");
        String otherInstance =
                publisher.queueDeclare("", false, true, true, null).getQueue();
        publisher.queueBind(otherInstance, Exchanges.COMMANDS, "chargepoint." + id);
        try {
            CompletableFuture<HttpResponse<String>> response = postAsync(
                    "{\"chargePointId\":\"" + id + "\",\"command\":\"RESET\",\"parameters\":{\"type\":\"Soft\"}}");

            GetResponse forwarded = Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> publisher.basicGet(otherInstance, true), java.util.Objects::nonNull);
            JsonNode command = Frames.JSON.readTree(forwarded.getBody());
            assertThat(command.get("command").asText()).isEqualTo("RESET");
            // The other instance runs it and publishes the result, as connect does.
            String commandId = command.get("commandId").asText();
            byte[] data = ("{\"commandId\":\"" + commandId + "\",\"chargePointId\":\"" + id
                            + "\",\"outcome\":\"REJECTED\",\"detail\":\"Reset: Rejected\","
                            + "\"response\":{\"status\":\"Rejected\"},\"completedAt\":\"" + Instant.now() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            CloudEvent result =
                    DepotopsEvents.create(EventTypes.CONNECT_COMMAND_RESULT_V1, "/manage-connect", id, "ws-1", data);
            publisher.basicPublish(
                    Exchanges.EVENTS,
                    EventTypes.CONNECT_COMMAND_RESULT_V1,
                    new AMQP.BasicProperties.Builder()
                            .messageId(result.getId())
                            .contentType(DepotopsEvents.CONTENT_TYPE)
                            .build(),
                    DepotopsEvents.serialize(result));

            HttpResponse<String> answered = response.get(20, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            JsonNode body = Frames.JSON.readTree(answered.body());
            assertThat(body.get("commandId").asText()).isEqualTo(commandId);
            assertThat(body.get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(body.get("response").get("status").asText()).isEqualTo("Rejected");
        } finally {
            redis.key().del("depotops:connect:holder:" + id);
            publisher.queueDelete(otherInstance);
        }
    }

    @Test
    void operatorApi_unknownChargerIsOffline_andInvalidCommandsAreProblems() throws Exception {
        HttpResponse<String> offline = post(
                "{\"chargePointId\":\"CMD-NOBODY\",\"command\":\"TRIGGER_MESSAGE\",\"parameters\":{\"message\":\"Heartbeat\"}}");
        assertThat(offline.statusCode()).isEqualTo(200);
        JsonNode result = Frames.JSON.readTree(offline.body());
        assertThat(result.get("outcome").asText()).isEqualTo("OFFLINE");
        assertThat(result.get("commandId").asText()).isNotBlank();
        assertThat(result("CMD-NOBODY", result.get("commandId").asText())
                        .get("outcome")
                        .asText())
                .isEqualTo("OFFLINE");

        HttpResponse<String> invalid =
                post("{\"command\":\"SET_CHARGING_LIMIT\",\"parameters\":{\"evseId\":\"one\",\"speed\":3}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Frames.JSON.readTree(invalid.body());
        assertThat(problem.get("type").asText()).endsWith("/validation-failed");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .contains("chargePointId", "parameters.evseId", "parameters.limitKw", "parameters.speed");

        HttpResponse<String> noKey =
                post("{\"chargePointId\":\"X\",\"command\":\"SET_CONFIGURATION\",\"parameters\":{\"value\":\"1\"}}");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(Frames.JSON.readTree(noKey.body()).get("errors").findValuesAsText("field"))
                .containsExactly("parameters.key");

        HttpResponse<String> badEntry = post("{\"chargePointId\":\"X\",\"command\":\"SEND_LOCAL_LIST\","
                + "\"parameters\":{\"version\":1,\"updateType\":\"Full\",\"entries\":[{\"status\":\"Maybe\"}]}}");
        assertThat(badEntry.statusCode()).isEqualTo(400);
        assertThat(Frames.JSON.readTree(badEntry.body()).get("errors").findValuesAsText("field"))
                .contains("parameters.entries[0].idToken", "parameters.entries[0].status");

        HttpResponse<String> rawWithoutObject = post(
                "{\"chargePointId\":\"X\",\"command\":\"OCPP_CALL\",\"parameters\":{\"action\":\"Reset\",\"payload\":[1]}}");
        assertThat(rawWithoutObject.statusCode()).isEqualTo(400);
        assertThat(Frames.JSON.readTree(rawWithoutObject.body()).get("errors").findValuesAsText("field"))
                .contains("parameters.payload");

        HttpResponse<String> unknown = post("{\"chargePointId\":\"X\",\"command\":\"SELF_DESTRUCT\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Frames.JSON.readTree(unknown.body()).get("errors").findValuesAsText("field"))
                .contains("command");
    }

    // ---- broker inspection ----

    private static boolean bound(String queue, String key) {
        return TestBroker.bound(Exchanges.COMMANDS, queue, key);
    }
}
