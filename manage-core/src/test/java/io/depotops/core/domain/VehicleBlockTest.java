package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.domain.VehicleBlock.Recurrence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VehicleBlockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static VehicleBlock block(String departure, Recurrence recurrence) {
        Instant at = Instant.parse(departure);
        return new VehicleBlock(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Route 7",
                at,
                at.plusSeconds(8 * 3600),
                BigDecimal.valueOf(200),
                null,
                recurrence,
                null,
                at,
                0);
    }

    @Test
    void aBlockStillAheadDepartsWhenItSaysWhateverItsRecurrence() {
        for (Recurrence recurrence : Recurrence.values()) {
            VehicleBlock block = block("2026-11-24T05:30:00Z", recurrence);
            assertThat(block.nextDeparture(Instant.parse("2026-11-23T20:00:00Z"), BERLIN))
                    .as(recurrence.name())
                    .isEqualTo(block.departureAt());
        }
    }

    @Test
    void aOneOffBlockInThePastKeepsItsDeparture() {
        VehicleBlock once = block("2026-11-20T05:30:00Z", Recurrence.NONE);

        assertThat(once.nextDeparture(Instant.parse("2026-11-23T20:00:00Z"), BERLIN))
                .isEqualTo(once.departureAt());
    }

    @Test
    void aDailyBlockDepartsLaterTodayOrElseTomorrowAtTheSameLocalTime() {
        // 06:30 in Berlin (CET, UTC+1)
        VehicleBlock daily = block("2026-11-20T05:30:00Z", Recurrence.DAILY);

        assertThat(daily.nextDeparture(Instant.parse("2026-11-23T04:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-23T05:30:00Z"));
        assertThat(daily.nextDeparture(Instant.parse("2026-11-23T05:30:00Z"), BERLIN))
                .as("departing right now")
                .isEqualTo(Instant.parse("2026-11-23T05:30:00Z"));
        assertThat(daily.nextDeparture(Instant.parse("2026-11-23T06:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-24T05:30:00Z"));
    }

    @Test
    void aWeekdayBlockSkipsTheWeekend() {
        VehicleBlock weekdays = block("2026-11-16T05:30:00Z", Recurrence.WEEKDAYS);

        // Friday 2026-11-27 after departure: next is Monday 2026-11-30
        assertThat(weekdays.nextDeparture(Instant.parse("2026-11-27T10:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-30T05:30:00Z"));
    }

    @Test
    void theLocalTimeHoldsAcrossTheChangeToSummerTime() {
        // 06:30 CET in winter is 04:30 UTC in summer (CEST, UTC+2): Berlin changes on 2027-03-28
        VehicleBlock daily = block("2027-03-20T05:30:00Z", Recurrence.DAILY);

        assertThat(daily.nextDeparture(Instant.parse("2027-03-28T12:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2027-03-29T04:30:00Z"));
    }
}
