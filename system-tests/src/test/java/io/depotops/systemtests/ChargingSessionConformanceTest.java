package io.depotops.systemtests;

import static io.depotops.systemtests.Messages.meterValues16;
import static io.depotops.systemtests.Messages.meterValues201;
import static io.depotops.systemtests.Messages.startTransaction16;
import static io.depotops.systemtests.Messages.statusNotification16;
import static io.depotops.systemtests.Messages.statusNotification201;
import static io.depotops.systemtests.Messages.stopTransaction16;
import static io.depotops.systemtests.Messages.transactionEnded201;
import static io.depotops.systemtests.Messages.transactionStarted201;
import static io.depotops.systemtests.Messages.transactionUpdated201;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import io.depotops.systemtests.CoreApi.Vehicle;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole charging session, from the connector's status to the transaction's end, as core records
 * it: energy (meter stop - meter start), the vehicle matched by its id tag, the frames in the log.
 */
class ChargingSessionConformanceTest extends SystemTest {

    @Test
    void StartTransaction_MeterValues_StopTransaction_16() throws Exception {
        Charger charger = core.charger(V16);
        Vehicle vehicle = core.vehicle();
        long transactionId;
        try (OcppClient cp = booted(charger)) {
            assertThat(cp.call("StatusNotification", statusNotification16("Preparing"))
                            .get(0)
                            .asInt())
                    .isEqualTo(3);
            JsonNode started = cp.callResult("StartTransaction", startTransaction16(vehicle.idTag(), 1_000));
            assertThat(started.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
            transactionId = started.get("transactionId").asLong();
            // connect's id (ADR 0010), inside OCPP 1.6's 32-bit integer
            assertThat(transactionId).isBetween(1L << 30, (long) Integer.MAX_VALUE);
            cp.callResult("StatusNotification", statusNotification16("Charging"));
            await().atMost(EVENTUAL)
                    .untilAsserted(() -> assertThat(core.liveState(charger))
                            .extracting("connectors")
                            .asList()
                            .singleElement()
                            .extracting("status")
                            .isEqualTo("Occupied"));

            cp.callResult("MeterValues", meterValues16(transactionId, 6_000));
            await().atMost(EVENTUAL)
                    .untilAsserted(
                            () -> assertThat(core.transaction(transactionId).getDouble("energyKwh"))
                                    .isEqualTo(5.0));

            JsonNode stopped = cp.callResult(
                    "StopTransaction", stopTransaction16(transactionId, 26_000, vehicle.idTag(), "EVDisconnected"));
            assertThat(stopped.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
            cp.callResult("StatusNotification", statusNotification16("Available"));
        }

        await().atMost(EVENTUAL).untilAsserted(() -> {
            JsonPath transaction = core.transaction(transactionId);
            assertThat(transaction.getString("status")).isEqualTo("Ended");
            assertThat(transaction.getLong("meterStartWh")).isEqualTo(1_000);
            assertThat(transaction.getLong("meterStopWh")).isEqualTo(26_000);
            assertThat(transaction.getDouble("energyKwh")).isEqualTo(25.0);
            assertThat(transaction.getString("vehicleId"))
                    .isEqualTo(vehicle.id().toString());
            assertThat(transaction.getString("idToken")).isEqualTo(vehicle.idTag());
            assertThat(transaction.getString("stopReason")).isEqualTo("EVDisconnected");
        });
        awaitFramesLogged(charger, "BootNotification", "StartTransaction", "MeterValues", "StopTransaction");
    }

    @Test
    void E01_E06_transactionStartedUpdatedEnded_J01_meterValues() throws Exception {
        Charger charger = core.charger(V201);
        Vehicle vehicle = core.vehicle();
        String chargerTransactionId = "TX-" + CoreApi.unique();
        try (OcppClient cp = booted(charger)) {
            cp.callResult("StatusNotification", statusNotification201("Occupied"));
            JsonNode started = cp.callResult(
                    "TransactionEvent", transactionStarted201(chargerTransactionId, vehicle.idTag(), 2_000));
            assertThat(started.at("/idTokenInfo/status").asText()).isEqualTo("Accepted");
            cp.callResult("TransactionEvent", transactionUpdated201(chargerTransactionId, 1, 12_000));
            await().atMost(EVENTUAL)
                    .untilAsserted(() -> assertThat(onlyTransaction(charger))
                            .containsEntry("status", "Active")
                            .extracting(transaction -> ((Number) transaction.get("energyKwh")).doubleValue())
                            .isEqualTo(10.0));
            cp.callResult("MeterValues", meterValues201(14_000));
            cp.callResult("TransactionEvent", transactionEnded201(chargerTransactionId, 2, 32_000, "EVDisconnected"));
            cp.callResult("StatusNotification", statusNotification201("Available"));
        }

        await().atMost(EVENTUAL).untilAsserted(() -> {
            Map<String, Object> transaction = onlyTransaction(charger);
            assertThat(transaction.get("status")).isEqualTo("Ended");
            assertThat(((Number) transaction.get("meterStartWh")).longValue()).isEqualTo(2_000);
            assertThat(((Number) transaction.get("meterStopWh")).longValue()).isEqualTo(32_000);
            assertThat(((Number) transaction.get("energyKwh")).doubleValue()).isEqualTo(30.0);
            assertThat(transaction.get("vehicleId")).isEqualTo(vehicle.id().toString());
            assertThat(transaction.get("idToken")).isEqualTo(vehicle.idTag());
            assertThat(transaction.get("stopReason")).isEqualTo("EVDisconnected");
        });
        awaitFramesLogged(charger, "BootNotification", "TransactionEvent", "MeterValues");
    }

    private static Map<String, Object> onlyTransaction(Charger charger) {
        List<Map<String, Object>> transactions = core.transactionsOf(charger);
        assertThat(transactions).hasSize(1);
        return transactions.get(0);
    }

    /** Each action's CALL (in) and its answer (out) are in core's message log. */
    static void awaitFramesLogged(Charger charger, String... actions) {
        await().atMost(EVENTUAL).untilAsserted(() -> {
            List<String> frames = core.frames(charger);
            for (String action : actions) {
                assertThat(frames)
                        .anySatisfy(frame -> assertThat(frame).startsWith("[2,").contains("\"" + action + "\""));
            }
            assertThat(frames).anySatisfy(frame -> assertThat(frame).startsWith("[3,"));
        });
    }
}
