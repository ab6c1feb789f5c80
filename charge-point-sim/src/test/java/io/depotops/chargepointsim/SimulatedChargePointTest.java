package io.depotops.chargepointsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedChargePointTest {

    static final ChargerBehaviour QUICK = ChargerBehaviour.defaults()
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(100))
            .withCallTimeout(Duration.ofMillis(500), 3);

    FakeCsms csms;
    Fleet fleet;

    @BeforeEach
    void start() throws Exception {
        csms = new FakeCsms();
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        csms.close();
    }

    private SimulatedChargePoint charger(ChargerBehaviour behaviour, String id, OcppVersion version) {
        fleet = new Fleet(behaviour);
        return fleet.add(csms.url(), id, "password-of-16-chars", version);
    }

    @Test
    void backoffDoublesUpToTheMaximumPlusJitter() {
        ChargerBehaviour behaviour = ChargerBehaviour.defaults()
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(2));
        assertThat(behaviour.backoff(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(behaviour.backoff(3, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(behaviour.backoff(9, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(behaviour.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void reconnectsWithGrowingWaitsAfterRefusedHandshakes() throws Exception {
        csms.refusals.add(503);
        csms.refusals.add(503);
        csms.refusals.add(401);
        SimulatedChargePoint cp = charger(QUICK, "SIM-REFUSED", OcppVersion.V16);
        cp.start();
        cp.firstAccepted().get(15, TimeUnit.SECONDS);

        assertThat(csms.handshakes).hasSize(4);
        long firstWait =
                csms.handshakes.get(1).atNanos() - csms.handshakes.get(0).atNanos();
        long thirdWait =
                csms.handshakes.get(3).atNanos() - csms.handshakes.get(2).atNanos();
        assertThat(firstWait).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(thirdWait).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(800));
        SimulatorStats stats = fleet.stats();
        assertThat(stats.count(SimulatorStats.HANDSHAKE_REFUSED + 503, 0)).isEqualTo(2);
        assertThat(stats.count(SimulatorStats.HANDSHAKE_REFUSED + 401, 0)).isEqualTo(1);
        assertThat(stats.handshakesRefused()).isEqualTo(3);
        assertThat(stats.count(SimulatorStats.SOCKETS_OPENED, 0)).isEqualTo(1);
        assertThat(stats.count(SimulatorStats.RECONNECTS, 0)).isZero();
        assertThat(cp.state()).isEqualTo(SimulatedChargePoint.State.ACCEPTED);
    }

    @Test
    void bootsAgainAfterThePendingAnswersInterval() throws Exception {
        csms.bootAnswers.add(new String[] {"Pending", "1"});
        csms.bootAnswers.add(new String[] {"Rejected", "1"});
        SimulatedChargePoint cp = charger(QUICK, "SIM-PENDING", OcppVersion.V201);
        cp.start();
        FakeCsms.Received first = csms.next("BootNotification");
        FakeCsms.Received second = csms.next("BootNotification");
        FakeCsms.Received third = csms.next("BootNotification");
        cp.firstAccepted().get(5, TimeUnit.SECONDS);

        assertThat(second.atNanos() - first.atNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(950));
        assertThat(third.atNanos() - second.atNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(950));
        assertThat(fleet.stats().counters())
                .containsEntry("boot Pending", 1L)
                .containsEntry("boot Rejected", 1L)
                .containsEntry("boot Accepted", 1L);
        // the whole time on one socket
        assertThat(csms.handshakes).hasSize(1);
    }

    @Test
    void heartbeatsAtTheIntervalOfTheBootAnswer() throws Exception {
        csms.acceptedInterval = 1;
        SimulatedChargePoint cp = charger(QUICK, "SIM-HB", OcppVersion.V16);
        cp.start();
        FakeCsms.Received boot = csms.next("BootNotification");
        FakeCsms.Received first = csms.next("Heartbeat");
        FakeCsms.Received second = csms.next("Heartbeat");
        assertThat(first.atNanos() - boot.atNanos()).isBetween(ms(900), ms(3000));
        assertThat(second.atNanos() - first.atNanos()).isBetween(ms(900), ms(3000));
    }

    @Test
    void anUnansweredCallIsSentAgainWithTheSameMessageId() throws Exception {
        SimulatedChargePoint cp = charger(QUICK, "SIM-RETRY", OcppVersion.V16);
        cp.start();
        cp.firstAccepted().get(5, TimeUnit.SECONDS);
        csms.leaveUnansweredOnce.add("StatusNotification");
        CompletableFuture<JsonNode> answer =
                cp.send("StatusNotification", Payloads.statusNotification(OcppVersion.V16, "Available"));
        FakeCsms.Received sent = csms.next("StatusNotification");
        FakeCsms.Received again = csms.next("StatusNotification");
        assertThat(again.messageId()).isEqualTo(sent.messageId());
        assertThat(again.atNanos() - sent.atNanos()).isGreaterThanOrEqualTo(ms(450));
        assertThat(answer.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(fleet.stats().count(SimulatorStats.CALL_RETRIES, 0)).isEqualTo(1);
    }

    @Test
    void aCallNeverAnsweredIsGivenUpAfterItsAttempts() throws Exception {
        SimulatedChargePoint cp =
                charger(QUICK.withCallTimeout(Duration.ofMillis(300), 1), "SIM-GIVEUP", OcppVersion.V16);
        cp.start();
        cp.firstAccepted().get(5, TimeUnit.SECONDS);
        csms.leaveUnansweredOnce.add("Heartbeat");
        assertThatThrownBy(() -> cp.send("Heartbeat", "{}").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(fleet.stats().count(SimulatorStats.CALLS_GIVEN_UP, 0)).isEqualTo(1);
    }

    @Test
    void transactionMessagesWaitWhileOfflineAndGoOutAfterTheNextBoot() throws Exception {
        SimulatedChargePoint cp = charger(QUICK, "SIM-OFFLINE", OcppVersion.V16);
        cp.start();
        cp.firstAccepted().get(5, TimeUnit.SECONDS);
        csms.next("BootNotification");
        // the CSMS restarts: sockets dropped, the first handshakes refused
        csms.refusals.add(503);
        csms.dropAll();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cp.state() != SimulatedChargePoint.State.ACCEPTED);

        CompletableFuture<JsonNode> stop = cp.send(
                "StopTransaction", "{\"transactionId\":7,\"meterStop\":1200,\"timestamp\":\"2026-01-01T00:00:00Z\"}");
        CompletableFuture<JsonNode> heartbeat = cp.send("Heartbeat", "{}");
        assertThatThrownBy(() -> heartbeat.get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SimulatedChargePoint.Offline.class);

        FakeCsms.Received boot = csms.next("BootNotification");
        FakeCsms.Received stopSent = csms.next("StopTransaction");
        assertThat(stopSent.atNanos()).isGreaterThan(boot.atNanos());
        assertThat(stop.get(5, TimeUnit.SECONDS)).isNotNull();
        SimulatorStats stats = fleet.stats();
        assertThat(stats.count(SimulatorStats.QUEUED_OFFLINE, 0)).isEqualTo(1);
        assertThat(stats.count(SimulatorStats.REFUSED_OFFLINE, 0)).isEqualTo(1);
        assertThat(stats.count(SimulatorStats.RECONNECTS, 0)).isEqualTo(1);
        assertThat(stats.count(SimulatorStats.SOCKETS_LOST, 0)).isEqualTo(1);
        assertThat(stats.count(SimulatorStats.HANDSHAKE_REFUSED + 503, 0)).isEqualTo(1);
    }

    @Test
    void theCsmsCallsAreAnsweredByTheResponder() throws Exception {
        SimulatedChargePoint cp = charger(QUICK, "SIM-CMD", OcppVersion.V201);
        cp.start();
        cp.firstAccepted().get(5, TimeUnit.SECONDS);
        csms.sendCall(
                "SIM-CMD",
                Frames.call(
                        "x1",
                        "RequestStartTransaction",
                        "{\"idToken\":{\"idToken\":\"T\",\"type\":\"Central\"},\"remoteStartId\":1}"));
        assertThat(csms.next("3").frame().get(2).get("status").asText()).isEqualTo("Accepted");
        assertThat(fleet.stats().count(SimulatorStats.CSMS_CALL + "RequestStartTransaction", 0))
                .isEqualTo(1);
    }

    @Test
    void aFleetOpensAtItsRateAndTellsWhenAllAreAccepted() throws Exception {
        fleet = new Fleet(QUICK);
        for (int i = 0; i < 20; i++) {
            fleet.add(csms.url(), "FLEET-" + i, null, i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201);
        }
        long start = System.nanoTime();
        fleet.open(40);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(ms(450));
        Optional<Duration> allAccepted = fleet.awaitAllAccepted(Duration.ofSeconds(10));
        assertThat(allAccepted).isPresent();
        assertThat(allAccepted.get()).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(fleet.stats().acceptedNow()).isEqualTo(20);

        try (Fleet.Ticking ticking = fleet.tick(Duration.ofMillis(200))) {
            Thread.sleep(1000);
        }
        assertThat(fleet.stats().count(Fleet.TICKS_SENT, 0)).isGreaterThanOrEqualTo(60);
        assertThat(fleet.stats().takeRoundTrips().getTotalCount()).isGreaterThanOrEqualTo(60);
        assertThat(fleet.stats().takeBootRoundTrips().getTotalCount()).isEqualTo(20);
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void stoppingFailsWaitingMessagesEvenWhenTheirCallersSendAgain() throws Exception {
        SimulatedChargePoint cp = charger(QUICK, "SIM-STOP-CHAIN", OcppVersion.V16);
        // not started: transaction messages wait; each failure sends another (as a caller's chain does)
        CompletableFuture<JsonNode> first = cp.send("StartTransaction", "{\"connectorId\":1}");
        CompletableFuture<JsonNode> next = first.handle((r, e) -> null)
                .thenCompose(ignored -> cp.send("StopTransaction", "{\"transactionId\":1}"));

        cp.stop();

        assertThatThrownBy(() -> first.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(SimulatedChargePoint.Offline.class);
        assertThatThrownBy(() -> next.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(SimulatedChargePoint.Offline.class);
    }
}
