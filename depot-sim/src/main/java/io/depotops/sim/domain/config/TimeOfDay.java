package io.depotops.sim.domain.config;

import java.time.Duration;
import java.time.LocalTime;

/** Times of day as the config writes them ({@code HH:MM}), windows that may cross midnight. */
public final class TimeOfDay {

    private TimeOfDay() {}

    public static LocalTime parse(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    /** Whether {@code time} is in [from, to), the window crossing midnight when to <= from. */
    public static boolean within(LocalTime time, String from, String to) {
        LocalTime start = parse(from);
        LocalTime end = parse(to);
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** From {@code from} forward to {@code to}: the next day when {@code to} is not later. */
    public static Duration span(String from, String to) {
        long seconds = parse(to).toSecondOfDay() - parse(from).toSecondOfDay();
        return Duration.ofSeconds(seconds <= 0 ? seconds + 86_400 : seconds);
    }
}
