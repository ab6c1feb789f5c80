package io.depotops.core.application.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.domain.load.PhaseAmps;
import io.depotops.core.domain.load.SiteMeasurement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How core reads a site from its nodes' loads while it does not know the tree (ADR 0017). */
class SiteMeasurementRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void highestFreshLoadAndLowestFreshLimit() {
        SiteMeasurement site = LoadManagementService.measurement(
                List.of(
                        new SiteMeasurement("grid", NOW.minusSeconds(2), 80, 400.0),
                        new SiteMeasurement("circuit-a", NOW.minusSeconds(1), 30, 120.0),
                        new SiteMeasurement("circuit-b", NOW.minusSeconds(1), 20, null),
                        new SiteMeasurement("old-circuit", NOW.minusSeconds(120), 500, 10.0)),
                NOW.minusSeconds(30));
        assertThat(site).isEqualTo(new SiteMeasurement("grid", NOW.minusSeconds(2), 80, 120.0));
    }

    @Test
    void withoutAFreshNodeTheNewestStaleOneIsReported() {
        SiteMeasurement site = LoadManagementService.measurement(
                List.of(
                        new SiteMeasurement("grid", NOW.minusSeconds(90), 80, 400.0),
                        new SiteMeasurement("circuit", NOW.minusSeconds(60), 30, 120.0)),
                NOW.minusSeconds(30));
        assertThat(site.nodeId()).isEqualTo("circuit");
        assertThat(LoadManagementService.measurement(List.of(), NOW)).isNull();
    }

    @Test
    void theLoadedNodesPhaseCurrentsAndTheLowestFreshLimitOnEachPhase() {
        SiteMeasurement site = LoadManagementService.measurement(
                List.of(
                        new SiteMeasurement(
                                "grid",
                                NOW.minusSeconds(2),
                                80,
                                400.0,
                                new PhaseAmps(120.0, 110.0, 100.0),
                                PhaseAmps.of(630)),
                        new SiteMeasurement(
                                "circuit",
                                NOW.minusSeconds(1),
                                30,
                                120.0,
                                PhaseAmps.of(40),
                                new PhaseAmps(160.0, null, 500.0)),
                        new SiteMeasurement("old", NOW.minusSeconds(120), 10, null, PhaseAmps.NONE, PhaseAmps.of(16))),
                NOW.minusSeconds(30));

        assertThat(site.currentA()).isEqualTo(new PhaseAmps(120.0, 110.0, 100.0));
        assertThat(site.limitA()).isEqualTo(new PhaseAmps(160.0, 630.0, 500.0));
    }
}
