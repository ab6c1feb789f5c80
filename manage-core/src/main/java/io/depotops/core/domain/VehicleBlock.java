package io.depotops.core.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A route or duty a vehicle must be ready for: it leaves at {@code departureAt} and is back at
 * {@code returnAt}, needing {@code requiredEnergyKwh} (or {@code requiredDistanceKm}, converted with
 * the vehicle's consumption). Recurring blocks repeat at the same local time in the depot's zone.
 */
public record VehicleBlock(
        UUID id,
        UUID workspaceId,
        UUID depotId,
        String name,
        Instant departureAt,
        Instant returnAt,
        BigDecimal requiredEnergyKwh,
        BigDecimal requiredDistanceKm,
        Recurrence recurrence,
        UUID vehicleId,
        Instant createdAt,
        long version) {

    public enum Recurrence {
        NONE,
        DAILY,
        WEEKDAYS
    }

    /** The first departure at or after {@code now}, or the original one if it never recurs. */
    public Instant nextDeparture(Instant now, ZoneId zone) {
        if (recurrence == Recurrence.NONE || !departureAt.isBefore(now)) {
            return departureAt;
        }
        ZonedDateTime candidate = departureAt.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        candidate = candidate.with(today.toLocalDate());
        while (candidate.toInstant().isBefore(now) || !runsOn(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        return candidate.toInstant();
    }

    private boolean runsOn(DayOfWeek day) {
        return recurrence != Recurrence.WEEKDAYS || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY);
    }
}
