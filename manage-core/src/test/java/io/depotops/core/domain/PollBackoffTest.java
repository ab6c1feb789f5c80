package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void theFirstFailureWaitsTheBaseAndEachFurtherOneDoubles() {
        assertThat(PollBackoff.nextAttempt(NOW, 1, null)).isEqualTo(NOW.plusSeconds(30));
        assertThat(PollBackoff.nextAttempt(NOW, 2, null)).isEqualTo(NOW.plusSeconds(60));
        assertThat(PollBackoff.nextAttempt(NOW, 3, null)).isEqualTo(NOW.plusSeconds(120));
        assertThat(PollBackoff.nextAttempt(NOW, 6, null)).isEqualTo(NOW.plusSeconds(960));
    }

    @Test
    void neverWaitsLongerThanTheCapHoweverManyFailures() {
        assertThat(PollBackoff.nextAttempt(NOW, 7, null)).isEqualTo(NOW.plus(PollBackoff.CAP));
        assertThat(PollBackoff.nextAttempt(NOW, 1_000, null)).isEqualTo(NOW.plus(PollBackoff.CAP));
    }

    @Test
    void noFailureCountWaitsTheBase() {
        assertThat(PollBackoff.nextAttempt(NOW, 0, null)).isEqualTo(NOW.plus(PollBackoff.BASE));
    }

    @Test
    void aLongerRetryAfterOfTheProviderWinsAndAShorterOneDoesNot() {
        assertThat(PollBackoff.nextAttempt(NOW, 1, Duration.ofMinutes(5))).isEqualTo(NOW.plusSeconds(300));
        assertThat(PollBackoff.nextAttempt(NOW, 3, Duration.ofSeconds(10))).isEqualTo(NOW.plusSeconds(120));
        assertThat(PollBackoff.nextAttempt(NOW, 20, Duration.ofHours(2)))
                .as("the provider's word beats the cap")
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
    }
}
