package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChargingTransactionTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T20:00:00Z");

    private static ChargingTransaction started(long meterStartWh) {
        return new ChargingTransaction(
                1001,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "CP-1",
                1,
                1,
                null,
                "TAG-1",
                null,
                "Accepted",
                true,
                STARTED,
                null,
                meterStartWh,
                null,
                null,
                null,
                null,
                false,
                0);
    }

    @Test
    void energyIsWhatTheMeterAdvancedToTheLatestReadingThenToTheStop() {
        ChargingTransaction transaction = started(10_000);
        assertThat(transaction.energyWh()).isZero();

        transaction = transaction.metered(12_500, STARTED.plusSeconds(600));
        assertThat(transaction.energyWh()).isEqualTo(2_500);

        transaction = transaction.ended(STARTED.plusSeconds(1200), 15_000L, "EVDisconnected");
        assertThat(transaction.energyWh()).isEqualTo(5_000);
    }

    @Test
    void aMeterThatWentBackwardsCountsNoEnergyRatherThanNegative() {
        assertThat(started(10_000).metered(9_000, STARTED.plusSeconds(60)).energyWh())
                .isZero();
    }

    @Test
    void anOlderOrSimultaneousReadingChangesNothing() {
        ChargingTransaction metered = started(0).metered(500, STARTED.plusSeconds(60));

        assertThat(metered.metered(400, STARTED.plusSeconds(30))).isSameAs(metered);
        assertThat(metered.metered(600, STARTED.plusSeconds(60))).isSameAs(metered);
        assertThat(metered.metered(700, STARTED.plusSeconds(61)).meterLastWh()).isEqualTo(700);
    }

    @Test
    void endingWithoutAStopReadingKeepsTheLatestReading() {
        ChargingTransaction ended =
                started(1_000).metered(3_000, STARTED.plusSeconds(60)).ended(STARTED.plusSeconds(90), null, "Local");

        assertThat(ended.active()).isFalse();
        assertThat(ended.meterStopWh()).isEqualTo(3_000);
        assertThat(ended.energyWh()).isEqualTo(2_000);
        assertThat(ended.stopReason()).isEqualTo("Local");
    }

    @Test
    void endingTwiceKeepsTheFirstEnd() {
        ChargingTransaction ended = started(0).ended(STARTED.plusSeconds(60), 100L, "Local");

        assertThat(ended.ended(STARTED.plusSeconds(120), 900L, "Remote")).isSameAs(ended);
    }

    @Test
    void anEndStampedBeforeTheStartEndsAtTheStart() {
        ChargingTransaction ended = started(0).ended(STARTED.minusSeconds(30), 0L, "Local");

        assertThat(ended.endedAt()).isEqualTo(STARTED);
        assertThat(ended.duration(STARTED.plusSeconds(999))).isZero();
    }

    @Test
    void durationRunsToNowWhileActiveAndToTheEndOnceEnded() {
        ChargingTransaction active = started(0);
        assertThat(active.duration(STARTED.plusSeconds(300))).isEqualTo(Duration.ofMinutes(5));

        ChargingTransaction ended = active.ended(STARTED.plusSeconds(120), 0L, "Local");
        assertThat(ended.duration(STARTED.plusSeconds(3600))).isEqualTo(Duration.ofMinutes(2));
    }
}
