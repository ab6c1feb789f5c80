package io.depotops.sim.adapter.out.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.chargepointsim.ChargerBehaviour;
import io.depotops.sim.Configs;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.engine.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's chargers as real OCPP websocket clients (charge-point-sim) of a CSMS. */
class OcppChargersTest {

    private static final String PASSWORD = "depot-sim-password-1";

    private final Queue<String[]> limits = new ConcurrentLinkedQueue<>();
    private StandInCsms csms;
    private OcppChargers chargers;

    @AfterEach
    void close() {
        if (chargers != null) {
            chargers.close();
        }
        if (csms != null) {
            csms.close();
        }
    }

    private Simulation connected(String ocppVersion) throws Exception {
        csms = new StandInCsms();
        ObjectNode doc = Configs.smallDepot(1, 1, 1000);
        ((ObjectNode) doc.withArray("chargers").get(0)).put("ocppVersion", ocppVersion);
        SimulationConfig config = Configs.read(doc.toString());
        chargers = new OcppChargers(
                csms.url(),
                PASSWORD,
                config,
                new OcppIds("T1-"),
                ChargerBehaviour.defaults()
                        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(50)),
                (charger, kw) -> limits.add(new String[] {charger, String.valueOf(kw)}));
        chargers.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> chargers.stats().acceptedNow() == 1);
        return new Simulation(config, 1, chargers);
    }

    @Test
    void a16ChargerBootsStartsItsTransactionSendsMeterValuesAtTheIntervalAndStops() throws Exception {
        Simulation run = connected("1.6J");
        assertThat(csms.handshakes).first().asString().startsWith("T1-CP-01 Basic ");

        run.advanceTo(run.end());

        // meterIntervalSeconds 300 over 24 hours: 288 samples, in order after the transaction's end
        await().atMost(Duration.ofSeconds(20))
                .until(() -> csms.of("T1-CP-01", "MeterValues").size() == 288);
        assertThat(csms.of("T1-CP-01", "StopTransaction")).hasSize(1);
        StandInCsms.Received start = csms.of("T1-CP-01", "StartTransaction").getFirst();
        assertThat(start.payload().path("idTag").asText()).isEqualTo("T1-BUS-01");
        assertThat(start.payload().path("connectorId").asInt()).isEqualTo(1);
        List<StandInCsms.Received> meters = csms.of("T1-CP-01", "MeterValues");
        List<StandInCsms.Received> inTransaction = meters.stream()
                .filter(m -> m.payload().path("transactionId").asLong() == 101)
                .toList();
        assertThat(inTransaction).hasSizeGreaterThan(10);
        long first = energy16(inTransaction.getFirst());
        long last = energy16(inTransaction.getLast());
        assertThat(last).isGreaterThan(first);
        StandInCsms.Received stop = csms.of("T1-CP-01", "StopTransaction").getFirst();
        assertThat(stop.payload().path("transactionId").asLong()).isEqualTo(101);
        // the bus took 90 % - (20..40 %) of 300 kWh
        long delivered = stop.payload().path("meterStop").asLong()
                - start.payload().path("meterStart").asLong();
        assertThat(delivered).isBetween(150_000L, 210_000L);
        assertThat(Instant.parse(stop.payload().path("timestamp").asText()))
                .isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
    }

    @Test
    void aSessionStillOpenWhenTheRunEndsIsStoppedAndAnsweredBeforeTheSocketsClose() throws Exception {
        Simulation run = connected("1.6J");
        // 17:00 start, the bus arrives 18:00-19:00 and charges: mid-session at 21:00
        run.advanceTo(run.start().plus(Duration.ofHours(4)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> csms.of("T1-CP-01", "StartTransaction").size() == 1);
        assertThat(csms.of("T1-CP-01", "StopTransaction")).isEmpty();

        int unanswered = chargers.close(Duration.ofSeconds(20));

        assertThat(unanswered).isZero();
        List<StandInCsms.Received> stops = csms.of("T1-CP-01", "StopTransaction");
        assertThat(stops).hasSize(1);
        long lastMeter = csms.of("T1-CP-01", "MeterValues").stream()
                .mapToLong(OcppChargersTest::energy16)
                .max()
                .orElseThrow();
        assertThat(stops.getFirst().payload().path("meterStop").asLong()).isEqualTo(lastMeter);
        assertThat(stops.getFirst().payload().path("transactionId").asLong()).isEqualTo(101);
        chargers = null;
    }

    @Test
    void a201ChargerReportsItsTransactionAsEventsInSequence() throws Exception {
        Simulation run = connected("2.0.1");
        run.advanceTo(run.end());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> csms.of("T1-CP-01", "TransactionEvent").stream()
                        .anyMatch(e -> e.payload().path("eventType").asText().equals("Ended")));
        // The bus may be back for its next session before the list is read: the first one's events.
        List<StandInCsms.Received> all = csms.of("T1-CP-01", "TransactionEvent");
        String first = all.getFirst()
                .payload()
                .path("transactionInfo")
                .path("transactionId")
                .asText();
        List<StandInCsms.Received> events = all.stream()
                .filter(e -> e.payload()
                        .path("transactionInfo")
                        .path("transactionId")
                        .asText()
                        .equals(first))
                .toList();
        assertThat(events.getLast().payload().path("eventType").asText()).isEqualTo("Ended");
        assertThat(events.getFirst().payload().path("eventType").asText()).isEqualTo("Started");
        assertThat(events.getFirst().payload().path("idToken").path("idToken").asText())
                .isEqualTo("T1-BUS-01");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).payload().path("seqNo").asInt()).isEqualTo(i);
        }
        assertThat(events.stream()
                        .map(e -> e.payload()
                                .path("transactionInfo")
                                .path("transactionId")
                                .asText()))
                .containsOnly(events.getFirst()
                        .payload()
                        .path("transactionInfo")
                        .path("transactionId")
                        .asText());
    }

    @Test
    void aChargingProfileOfTheCsmsIsReportedToTheRunAndALostLinkIsReconnected() throws Exception {
        Simulation run = connected("1.6J");
        csms.call("T1-CP-01", "SetChargingProfile", """
                {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,
                "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
                "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":32}]}}}""");
        await().atMost(Duration.ofSeconds(5)).until(() -> !limits.isEmpty());
        String[] limit = limits.poll();
        assertThat(limit[0]).isEqualTo("CP-01");
        // 32 A x 230 V x 3 phases
        assertThat(Double.parseDouble(limit[1])).isEqualTo(22.08);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> csms.answers.stream()
                        .anyMatch(a -> a.path(2).path("status").asText().equals("Accepted")));

        run.limitCharger(limit[0], Double.parseDouble(limit[1]));
        run.advanceTo(Instant.parse("2026-12-01T19:30:00Z"));
        assertThat(run.liveState().sitePowerKw()).isEqualTo(22.08);

        run.dropLink("CP-01");
        await().atMost(Duration.ofSeconds(10)).until(() -> csms.handshakes.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> chargers.stats().acceptedNow() == 1);
    }

    private static long energy16(StandInCsms.Received meter) {
        return meter.payload()
                .path("meterValue")
                .path(0)
                .path("sampledValue")
                .path(0)
                .path("value")
                .asLong();
    }
}
