package io.depotops.systemtests;

import static io.depotops.systemtests.Messages.meterValues16;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Core away while chargers come in (a deployment of core, a crash): connect admits registered
 * chargers from its own copy of the registry, boots them, authorises their vehicles and opens
 * their transactions with its own ids; when core is back it learns every fact from the broker,
 * each once.
 */
class CoreOutageConformanceTest extends SystemTest {

    /** Core's start after the outage: a JVM start plus Flyway and the broker's backlog. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(60);

    @Test
    void registeredChargersGetInWhileCoreIsDownAndCoreLearnsEverythingOnceWhenBack() throws Exception {
        Charger charger16 = core.charger(V16);
        Charger charger201 = core.charger(V201);
        Vehicle vehicle = core.vehicle();
        // connect holds both chargers and the id tag before core goes: an Authorize on each
        // charger (core still up) proves the copy has what the outage needs
        for (Charger charger : List.of(charger16, charger201)) {
            try (OcppClient cp = connect(charger)) {
                assertThat(idTagStatus(cp, charger, vehicle)).isEqualTo("Accepted");
            }
        }

        long[] transactionId16 = new long[1];
        String transactionId201 = "TX-" + CoreApi.unique();
        SystemUnderTest.whileCoreIsDown(() -> {
            try (OcppClient cp = booted(charger16)) {
                cp.callResult("StatusNotification", statusNotification16("Preparing"));
                assertThat(idTagStatus(cp, charger16, vehicle)).isEqualTo("Accepted");
                JsonNode started = cp.callResult("StartTransaction", startTransaction16(vehicle.idTag(), 2_000));
                assertThat(started.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
                transactionId16[0] = started.get("transactionId").asLong();
                cp.callResult("MeterValues", meterValues16(transactionId16[0], 12_000));
                cp.callResult(
                        "StopTransaction", stopTransaction16(transactionId16[0], 22_000, vehicle.idTag(), "Local"));
            }
            try (OcppClient cp = booted(charger201)) {
                cp.callResult("StatusNotification", statusNotification201("Occupied"));
                cp.callResult("TransactionEvent", transactionStarted201(transactionId201, vehicle.idTag(), 5_000));
                cp.callResult("TransactionEvent", transactionUpdated201(transactionId201, 1, 9_000));
                cp.callResult("TransactionEvent", transactionEnded201(transactionId201, 2, 15_000, "Local"));
            }
        });

        await().atMost(AFTER_RESTART).untilAsserted(() -> {
            assertThat(core.chargerView(charger16).getString("bootStatus")).isEqualTo("Accepted");
            assertThat(core.chargerView(charger201).getString("bootStatus")).isEqualTo("Accepted");
            assertEndedOnce(charger16, 2_000, 22_000, vehicle);
            assertEndedOnce(charger201, 5_000, 15_000, vehicle);
        });
        // core knows the 1.6 transaction under the id connect gave the charger
        assertThat(((Number) core.transactionsOf(charger16).get(0).get("id")).longValue())
                .isEqualTo(transactionId16[0]);
        // redelivery after core's restart must not apply a fact twice: still one transaction each
        Thread.sleep(2_000);
        assertThat(core.transactionsOf(charger16)).hasSize(1);
        assertThat(core.transactionsOf(charger201)).hasSize(1);
    }

    private static String idTagStatus(OcppClient cp, Charger charger, Vehicle vehicle) throws Exception {
        if (charger.ocppVersion().equals(V16)) {
            return cp.callResult("Authorize", "{\"idTag\":\"%s\"}".formatted(vehicle.idTag()))
                    .at("/idTagInfo/status")
                    .asText();
        }
        return cp.callResult(
                        "Authorize",
                        "{\"idToken\":{\"idToken\":\"%s\",\"type\":\"ISO14443\"}}".formatted(vehicle.idTag()))
                .at("/idTokenInfo/status")
                .asText();
    }

    private static void assertEndedOnce(Charger charger, long meterStartWh, long meterStopWh, Vehicle vehicle) {
        List<Map<String, Object>> transactions = core.transactionsOf(charger);
        assertThat(transactions).hasSize(1);
        JsonPath transaction = core.transaction(((Number) transactions.get(0).get("id")).longValue());
        assertThat(transaction.getString("status")).isEqualTo("Ended");
        assertThat(transaction.getLong("meterStartWh")).isEqualTo(meterStartWh);
        assertThat(transaction.getLong("meterStopWh")).isEqualTo(meterStopWh);
        assertThat(transaction.getString("vehicleId")).isEqualTo(vehicle.id().toString());
    }
}
