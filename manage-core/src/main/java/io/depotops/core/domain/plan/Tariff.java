package io.depotops.core.domain.plan;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A site's electricity tariff: time-of-use energy prices per weekday and time band (local time of
 * the depot), the default price outside every band, and a demand charge per kW of the peak.
 */
public record Tariff(
        UUID siteId,
        UUID workspaceId,
        List<Band> bands,
        BigDecimal defaultPricePerKwh,
        BigDecimal demandChargePerKw,
        Instant updatedAt,
        long version) {

    /** From {@code from} (inclusive) to {@code to} (exclusive) on {@code days}; {@code to} 00:00 means midnight. */
    public record Band(Set<DayOfWeek> days, LocalTime from, LocalTime to, BigDecimal pricePerKwh) {

        public Band {
            days = Set.copyOf(days);
        }

        boolean covers(ZonedDateTime local) {
            LocalTime time = local.toLocalTime();
            boolean untilMidnight = to.equals(LocalTime.MIDNIGHT);
            return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && (untilMidnight || time.isBefore(to));
        }

        /** Whether both bands apply at some moment of a shared day. */
        public boolean overlaps(Band other) {
            if (days.stream().noneMatch(other.days::contains)) {
                return false;
            }
            LocalTime end = to.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : to;
            LocalTime otherEnd = other.to.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : other.to;
            return from.isBefore(otherEnd) && other.from.isBefore(end);
        }
    }

    public Tariff {
        bands = List.copyOf(bands);
    }

    /** The energy price at {@code at} in the depot's time zone: the band that covers it, else the default. */
    public BigDecimal priceAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return bands.stream()
                .filter(band -> band.covers(local))
                .findFirst()
                .map(Band::pricePerKwh)
                .orElse(defaultPricePerKwh);
    }
}
