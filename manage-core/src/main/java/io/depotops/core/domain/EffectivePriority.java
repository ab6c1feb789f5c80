package io.depotops.core.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * The charging priority a vehicle gets: its own explicit level, else the best level of its groups,
 * else derived from its next departure (earlier goes first). Level 1 is the highest.
 */
public record EffectivePriority(
        UUID vehicleId, String fleetNumber, Integer level, Source source, Instant nextDeparture) {

    public enum Source {
        VEHICLE,
        GROUP,
        DEPARTURE,
        NONE
    }

    /** Explicit levels first (1 before 10), then by next departure, then vehicles with neither. */
    public static final Comparator<EffectivePriority> ORDER = Comparator.comparing(
                    EffectivePriority::level, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(EffectivePriority::nextDeparture, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(EffectivePriority::fleetNumber);
}
