package io.depotops.core.domain.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a scheduled report covers, relative to the time it is due, in the depot's zone: the
 * day, week (Monday to Monday) or month that ended last before that time.
 */
public enum ReportPeriod {
    PREVIOUS_DAY,
    PREVIOUS_WEEK,
    PREVIOUS_MONTH;

    /** [from, to) as instants. */
    public record Window(Instant from, Instant to) {}

    public Window before(Instant dueAt, ZoneId zone) {
        LocalDate today = dueAt.atZone(zone).toLocalDate();
        LocalDate end = switch (this) {
            case PREVIOUS_DAY -> today;
            case PREVIOUS_WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case PREVIOUS_MONTH -> today.withDayOfMonth(1);
        };
        LocalDate start = switch (this) {
            case PREVIOUS_DAY -> end.minusDays(1);
            case PREVIOUS_WEEK -> end.minusWeeks(1);
            case PREVIOUS_MONTH -> end.minusMonths(1);
        };
        // atStartOfDay(zone) picks the first valid instant when a DST gap swallows midnight
        return new Window(
                start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }
}
