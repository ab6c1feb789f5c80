package io.depotops.core.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void cronIsReadInTheDepotsZoneAcrossDaylightSaving() {
        ReportSchedule daily = ReportSchedule.parse("0 6 * * *", BERLIN);
        // summer: 06:00 CEST is 04:00Z; after the change on 25 October 2026, 06:00 CET is 05:00Z
        assertThat(daily.nextAfter(Instant.parse("2026-10-24T12:00:00Z")))
                .contains(Instant.parse("2026-10-25T05:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-10-23T12:00:00Z")))
                .contains(Instant.parse("2026-10-24T04:00:00Z"));
    }

    @Test
    void nextIsStrictlyAfterTheGivenTime() {
        ReportSchedule hourly = ReportSchedule.parse("0 * * * *", ZoneId.of("UTC"));
        assertThat(hourly.nextAfter(Instant.parse("2026-10-01T10:00:00Z")))
                .contains(Instant.parse("2026-10-01T11:00:00Z"));
    }

    @Test
    void badExpressionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ReportSchedule.parse("61 * * * *", BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cron");
        assertThatThrownBy(() -> ReportSchedule.parse("0 6 * *", BERLIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportSchedule.parse("every day", BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportSchedule.parse(" ", BERLIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportSchedule.parse(null, BERLIN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsEndAtTheLastBoundaryBeforeTheDueTimeInTheDepotsZone() {
        Instant due = Instant.parse("2026-11-03T05:00:00Z"); // Tuesday 06:00 in Berlin
        assertThat(ReportPeriod.PREVIOUS_DAY.before(due, BERLIN))
                .isEqualTo(new ReportPeriod.Window(
                        Instant.parse("2026-11-01T23:00:00Z"), Instant.parse("2026-11-02T23:00:00Z")));
        assertThat(ReportPeriod.PREVIOUS_WEEK.before(due, BERLIN))
                .isEqualTo(new ReportPeriod.Window(
                        Instant.parse("2026-10-25T23:00:00Z"), Instant.parse("2026-11-01T23:00:00Z")));
        // October holds the change from summer time: 1 October 00:00 CEST is 22:00Z the day before
        assertThat(ReportPeriod.PREVIOUS_MONTH.before(due, BERLIN))
                .isEqualTo(new ReportPeriod.Window(
                        Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-10-31T23:00:00Z")));
    }

    @Test
    void aDueTimeOnABoundaryCoversThePeriodJustEnded() {
        Instant midnight = Instant.parse("2026-11-01T23:00:00Z"); // Monday 00:00 in Berlin
        assertThat(ReportPeriod.PREVIOUS_WEEK.before(midnight, BERLIN).to()).isEqualTo(midnight);
        assertThat(ReportPeriod.PREVIOUS_DAY.before(midnight, BERLIN).to()).isEqualTo(midnight);
    }
}
