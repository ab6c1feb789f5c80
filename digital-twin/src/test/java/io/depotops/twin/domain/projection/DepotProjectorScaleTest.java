package io.depotops.twin.domain.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.twin.domain.model.ChargerState;
import io.depotops.twin.domain.model.ConnectorState;
import io.depotops.twin.domain.model.DepotModel;
import io.depotops.twin.domain.model.Fact;
import io.depotops.twin.domain.model.NodeState;
import io.depotops.twin.domain.model.VehicleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost of one refresh of a 5,000-vehicle depot (the scale): prints the time of a full
 * projection and of applying one fact. A figure, not a timing assertion.
 */
class DepotProjectorScaleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");

    @Test
    void printsTheRefreshTimeOfAFiveThousandVehicleDepot() {
        int size = 5_000;
        Map<String, ChargerState> chargers = new HashMap<>();
        Map<String, VehicleState> vehicles = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String vehicle = "V-" + i;
            chargers.put(
                    "CP-" + i,
                    new ChargerState(
                            "c" + i,
                            "CP-" + i,
                            "site",
                            22,
                            false,
                            true,
                            NOW,
                            Map.of(1, new ConnectorState(1, "Charging", 7 + i % 15, vehicle, (long) i, NOW))));
            vehicles.put(
                    vehicle,
                    new VehicleState(
                            vehicle,
                            80,
                            22,
                            0,
                            80.0,
                            30.0,
                            10.0 + i % 60,
                            NOW,
                            90,
                            NOW.plus(Duration.ofMinutes(240 + i % 600)),
                            List.of()));
        }
        DepotModel model = new DepotModel(
                "ws",
                "depot",
                NOW,
                chargers,
                vehicles,
                Map.of("site", new NodeState("site", null, 60_000.0, 50_000.0, NOW)));
        DepotProjector projector = new DepotProjector(Duration.ofHours(12), Duration.ofMinutes(15));

        long[] projectMs = new long[5];
        long[] applyMicros = new long[5];
        DepotProjection projection = null;
        for (int run = 0; run < projectMs.length; run++) {
            long start = System.nanoTime();
            projection = projector.project(model, NOW);
            projectMs[run] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            model = model.apply(new Fact.ConnectorMetered("CP-" + run, 1, 11.0, null, NOW.plusSeconds(run + 1)));
            applyMicros[run] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(projectMs);
        Arrays.sort(applyMicros);
        System.out.printf(
                "twin scale: %d vehicles, %d chargers: projection %d ms (median of 5, min %d), one fact applied %d us%n",
                size, size, projectMs[2], projectMs[0], applyMicros[2]);
        assertThat(projection.vehicles()).hasSize(size);
        assertThat(projection.siteLoad()).hasSize(48);
    }
}
