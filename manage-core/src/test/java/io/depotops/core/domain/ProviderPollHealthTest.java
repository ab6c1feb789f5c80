package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderPollHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static ProviderPollHealth health(Instant nextAttemptAt, Instant newestObservationAt) {
        return new ProviderPollHealth(NOW, NOW, null, 0, nextAttemptAt, 10, 0, 0.0, newestObservationAt);
    }

    @Test
    void theErrorRateWeighsEachAttemptAFifthAndForgetsOldOnes() {
        double rate = ProviderPollHealth.nextErrorRate(0.0, true);
        assertThat(rate).isCloseTo(0.2, within(1e-9));
        rate = ProviderPollHealth.nextErrorRate(rate, true);
        assertThat(rate).isCloseTo(0.36, within(1e-9));

        for (int i = 0; i < 30; i++) {
            rate = ProviderPollHealth.nextErrorRate(rate, false);
        }
        assertThat(rate).as("after a long run of successes").isLessThan(0.001);
    }

    @Test
    void anAccountThatAlwaysFailsApproachesARateOfOne() {
        double rate = 0.0;
        for (int i = 0; i < 50; i++) {
            rate = ProviderPollHealth.nextErrorRate(rate, true);
        }
        assertThat(rate).isCloseTo(1.0, within(1e-4)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void lagIsTheAgeOfTheNewestObservationAndUnknownWithoutOne() {
        assertThat(health(null, NOW.minusSeconds(90)).lag(NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(health(null, null).lag(NOW)).isNull();
        assertThat(ProviderPollHealth.NEVER_POLLED.lag(NOW)).isNull();
    }

    @Test
    void waitsOnlyWhileTheNextAttemptIsStillAhead() {
        assertThat(health(NOW.plusSeconds(1), null).waitingUntilAfter(NOW)).isTrue();
        assertThat(health(NOW, null).waitingUntilAfter(NOW)).isFalse();
        assertThat(health(NOW.minusSeconds(1), null).waitingUntilAfter(NOW)).isFalse();
        assertThat(health(null, null).waitingUntilAfter(NOW)).isFalse();
    }
}
