package io.depotops.systemtests;

import static io.depotops.systemtests.Messages.meterValues16;
import static io.depotops.systemtests.Messages.startTransaction16;
import static io.depotops.systemtests.Messages.stopTransaction16;
import static io.depotops.systemtests.Messages.transactionEnded201;
import static io.depotops.systemtests.Messages.transactionStarted201;
import static io.depotops.systemtests.Messages.transactionUpdated201;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.depotops.chargepointsim.OcppClient;
import io.depotops.systemtests.CoreApi.Charger;
import io.depotops.systemtests.CoreApi.Vehicle;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connections that drop and come back: a transaction outlives its websocket session (the charger
 * goes on with the same transaction on a new connection), and a second connection of a charger
 * replaces the first.
 */
class ReconnectConformanceTest extends SystemTest {

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void transactionContinuesAfterReconnect(String version) throws Exception {
        Charger charger = core.charger(version);
        Vehicle vehicle = core.vehicle();
        String chargerTransactionId = "TX-" + CoreApi.unique();
        long transactionId = 0;
        try (OcppClient cp = booted(charger)) {
            if (version.equals(V16)) {
                transactionId = cp.callResult("StartTransaction", startTransaction16(vehicle.idTag(), 1_000))
                        .get("transactionId")
                        .asLong();
                cp.callResult("MeterValues", meterValues16(transactionId, 4_000));
            } else {
                cp.callResult("TransactionEvent", transactionStarted201(chargerTransactionId, vehicle.idTag(), 1_000));
                cp.callResult("TransactionEvent", transactionUpdated201(chargerTransactionId, 1, 4_000));
            }
        }
        // a charger that only lost its connection does not boot again
        try (OcppClient cp = connect(charger)) {
            if (version.equals(V16)) {
                cp.callResult("MeterValues", meterValues16(transactionId, 15_000));
                cp.callResult("StopTransaction", stopTransaction16(transactionId, 31_000, vehicle.idTag(), "Local"));
            } else {
                cp.callResult("TransactionEvent", transactionUpdated201(chargerTransactionId, 2, 15_000));
                cp.callResult("TransactionEvent", transactionEnded201(chargerTransactionId, 3, 31_000, "Local"));
            }
        }

        await().atMost(EVENTUAL).untilAsserted(() -> {
            List<Map<String, Object>> transactions = core.transactionsOf(charger);
            assertThat(transactions).hasSize(1);
            JsonPath transaction =
                    core.transaction(((Number) transactions.get(0).get("id")).longValue());
            assertThat(transaction.getString("status")).isEqualTo("Ended");
            assertThat(transaction.getLong("meterStartWh")).isEqualTo(1_000);
            assertThat(transaction.getLong("meterStopWh")).isEqualTo(31_000);
            assertThat(transaction.getDouble("energyKwh")).isEqualTo(30.0);
            assertThat(transaction.getString("vehicleId"))
                    .isEqualTo(vehicle.id().toString());
        });
        if (version.equals(V16)) {
            assertThat(((Number) core.transactionsOf(charger).get(0).get("id")).longValue())
                    .isEqualTo(transactionId);
        }
        // the message log has both sessions
        await().atMost(EVENTUAL)
                .untilAsserted(() -> assertThat(core.messages(charger).stream()
                                .map(message -> message.get("sessionId"))
                                .distinct())
                        .hasSize(2));
    }

    @ParameterizedTest(name = "OCPP {0}")
    @ValueSource(strings = {V16, V201})
    void secondConnectionReplacesTheFirst(String version) throws Exception {
        Charger charger = core.charger(version);
        try (OcppClient first = booted(charger);
                OcppClient second = connect(charger)) {
            assertThat(first.awaitClosed(Duration.ofSeconds(10))).isEqualTo(1000);
            assertStillUp(second);
            // core sees the charger online: the replaced session's end must not win over the new one
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(EVENTUAL)
                    .untilAsserted(() -> assertThat(core.liveState(charger)).containsEntry("online", true));
        }
    }
}
