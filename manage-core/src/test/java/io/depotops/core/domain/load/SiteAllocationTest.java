package io.depotops.core.domain.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A site's allocation from its measurement: power and, where reported, each phase binds. */
class SiteAllocationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final LoadPolicy POLICY =
            new LoadPolicy(2, 1.4, 3.7, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(5));

    @Test
    void aLoadedPhaseBindsBeforeTheSitesPower() {
        // 200 kW limit, 60 kW load of which the sessions draw 20: 158 kW of power headroom. L1 carries
        // 90 A of its 100 A, of which the sessions draw 20 kW / (3 x 230 V) = 28.99 A: 61.01 A
        // uncontrolled, less the 2 kW margin (2.90 A): 36.09 A left on L1.
        SiteMeasurement measurement = new SiteMeasurement(
                "grid", NOW.minusSeconds(1), 60, 200.0, new PhaseAmps(90.0, 30.0, 30.0), PhaseAmps.of(100));
        List<Session> sessions = List.of(session(1, 0), session(1, 1));

        SiteAllocation allocation =
                SiteAllocation.compute(UUID.randomUUID(), NOW, POLICY, 500, measurement, 20, sessions);

        assertThat(allocation.headroomKw()).isCloseTo(158, within(1e-9));
        assertThat(allocation.headroomA().l1()).isCloseTo(100 - (90 - 20 / 0.69) - 2 / 0.69, within(1e-9));
        double total = allocation.limits().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(total).isCloseTo(allocation.headroomA().l1() * 0.69, within(1e-6));
        assertThat(allocation.bounds().values())
                .allSatisfy(bound ->
                        assertThat(bound).isEqualTo(new Bound(Bound.Kind.NODE_PHASE, "site", Phase.L1, false)));
    }

    @Test
    void withoutPhaseCurrentsTheBaseLoadIsSpreadOverThePhasesAndWithoutLimitsNoPhaseBinds() {
        SiteMeasurement limitsOnly = new SiteMeasurement(
                "grid", NOW.minusSeconds(1), 60, 200.0, PhaseAmps.NONE, new PhaseAmps(80.0, null, null));
        SiteMeasurement noPhases = new SiteMeasurement("grid", NOW.minusSeconds(1), 60, 200.0);

        SiteAllocation spread =
                SiteAllocation.compute(UUID.randomUUID(), NOW, POLICY, 500, limitsOnly, 20, List.of(session(1, 0)));
        SiteAllocation powerOnly =
                SiteAllocation.compute(UUID.randomUUID(), NOW, POLICY, 500, noPhases, 20, List.of(session(1, 0)));

        assertThat(spread.headroomA().l1()).isCloseTo(80 - 40 / 0.69 - 2 / 0.69, within(1e-9));
        assertThat(spread.headroomA().l2()).isNull();
        assertThat(powerOnly.headroomA()).isEqualTo(PhaseAmps.NONE);
        assertThat(powerOnly.limits().values()).containsExactly(150.0);
    }

    @Test
    void aStaleMeasurementFallsBackWithoutPhases() {
        SiteMeasurement stale =
                new SiteMeasurement("grid", NOW.minusSeconds(120), 60, 200.0, PhaseAmps.of(10), PhaseAmps.of(100));

        SiteAllocation allocation =
                SiteAllocation.compute(UUID.randomUUID(), NOW, POLICY, 500, stale, 20, List.of(session(1, 0)));

        assertThat(allocation.mode()).isEqualTo(SiteAllocation.Mode.FALLBACK);
        assertThat(allocation.headroomA()).isEqualTo(PhaseAmps.NONE);
        assertThat(allocation.limits().values().iterator().next()).isCloseTo(3.7, within(1e-9));
    }

    private static Session session(int tier, int rank) {
        return new Session(new SessionKey(UUID.randomUUID(), 1), null, 150, tier, rank, null);
    }
}
