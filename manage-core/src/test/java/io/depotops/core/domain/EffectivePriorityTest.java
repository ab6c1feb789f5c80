package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.domain.EffectivePriority.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EffectivePriorityTest {

    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    private static EffectivePriority priority(String fleetNumber, Integer level, Instant nextDeparture) {
        Source source = level != null ? Source.VEHICLE : nextDeparture != null ? Source.DEPARTURE : Source.NONE;
        return new EffectivePriority(UUID.randomUUID(), fleetNumber, level, source, nextDeparture);
    }

    @Test
    void explicitLevelsFirstThenEarlierDeparturesThenVehiclesWithNeither() {
        EffectivePriority level1 = priority("B-9", 1, NOW.plusSeconds(36_000));
        EffectivePriority level10 = priority("B-8", 10, NOW.plusSeconds(60));
        EffectivePriority leavesSoon = priority("B-7", null, NOW.plusSeconds(600));
        EffectivePriority leavesLater = priority("B-6", null, NOW.plusSeconds(6_000));
        EffectivePriority neither = priority("B-5", null, null);
        List<EffectivePriority> shuffled = new ArrayList<>(List.of(neither, leavesLater, level10, leavesSoon, level1));

        shuffled.sort(EffectivePriority.ORDER);

        assertThat(shuffled).containsExactly(level1, level10, leavesSoon, leavesLater, neither);
    }

    @Test
    void aTieIsBrokenByFleetNumberSoTheOrderIsStable() {
        EffectivePriority b2 = priority("B-2", 3, NOW);
        EffectivePriority b1 = priority("B-1", 3, NOW);
        List<EffectivePriority> vehicles = new ArrayList<>(List.of(b2, b1));

        vehicles.sort(EffectivePriority.ORDER);

        assertThat(vehicles).containsExactly(b1, b2);
    }
}
