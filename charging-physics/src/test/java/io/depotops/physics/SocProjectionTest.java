package io.depotops.physics;

import static io.depotops.physics.PropertyCheck.doubleIn;
import static io.depotops.physics.PropertyCheck.forAll;
import static io.depotops.physics.PropertyCheck.intIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-29T18:00:00Z");

    @Test
    void constantPowerBelowTheTaperIsPowerTimesHours() {
        SocProjection projection = new SocProjection(new Battery(400), new ChargeCurve(150, 80, 20));
        SocProjection.Outcome outcome =
                projection.project(100, 400, T0, T0.plus(Duration.ofHours(1)), PowerProfile.constant(T0, 100));
        assertThat(outcome.kwh()).isCloseTo(200, within(1e-9));
        assertThat(outcome.socPercent()).isCloseTo(50, within(1e-9));
        assertThat(outcome.reachedCeilingAt()).isNull();
    }

    @Test
    void stopsAtTheCeilingAndSaysWhen() {
        SocProjection projection = new SocProjection(new Battery(100), ChargeCurve.flat(50));
        SocProjection.Outcome outcome =
                projection.project(20, 80, T0, T0.plus(Duration.ofHours(3)), PowerProfile.constant(T0, 50));
        assertThat(outcome.kwh()).isCloseTo(80, within(1e-9));
        assertThat(outcome.deliveredKwh()).isCloseTo(60, within(1e-9));
        assertThat(outcome.reachedCeilingAt()).isEqualTo(T0.plus(Duration.ofMinutes(72)));
    }

    @Test
    void theTaperSlowsTheLastPercents() {
        SocProjection projection = new SocProjection(new Battery(100), new ChargeCurve(100, 50, 10));
        SocProjection.Outcome tapered =
                projection.project(50, 100, T0, T0.plus(Duration.ofMinutes(30)), PowerProfile.constant(T0, 100));
        // Without a taper 30 min at 100 kW would fill it; tapering from 50 % it cannot.
        assertThat(tapered.socPercent()).isBetween(70.0, 90.0);
        assertThat(tapered.reachedCeilingAt()).isNull();
    }

    @Test
    void followsTheProfileStepsAndNothingFlowsBeforeTheFirst() {
        Map<Instant, Double> steps = new LinkedHashMap<>();
        steps.put(T0.plus(Duration.ofHours(1)), 10.0);
        steps.put(T0.plus(Duration.ofHours(2)), 0.0);
        steps.put(T0.plus(Duration.ofHours(3)), 30.0);
        SocProjection projection = new SocProjection(new Battery(500), ChargeCurve.flat(200));
        SocProjection.Outcome outcome =
                projection.project(0, 500, T0, T0.plus(Duration.ofHours(4)), PowerProfile.steps(steps));
        assertThat(outcome.kwh()).isCloseTo(40, within(1e-9));
        assertThat(PowerProfile.steps(steps)
                        .with(T0.plus(Duration.ofMinutes(90)), 0)
                        .powerKwAt(T0.plus(Duration.ofHours(3))))
                .isZero();
    }

    @Test
    void refusesANegativePowerOrAnEmptyStep() {
        assertThatThrownBy(() -> PowerProfile.constant(T0, -3)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new SocProjection(new Battery(1), ChargeCurve.flat(1), Duration.ZERO))
                .hasMessageContaining("step");
    }

    @Test
    void energyHelpersNeverDeliverPastTheHeadroomNorBelowZero() {
        assertThat(Energy.deliveredKwh(50, 2, 30)).isEqualTo(30);
        assertThat(Energy.deliveredKwh(50, 2, -5)).isZero();
        assertThat(Energy.hours(Duration.ofMinutes(90))).isEqualTo(1.5);
        assertThat(new Consumption(1.2).kwhFor(150)).isCloseTo(180, within(1e-9));
        assertThat(new Battery(400).kwhAt(new Battery(400).socPercent(123))).isCloseTo(123, within(1e-9));
    }

    record Charge(
            double capacity,
            double maxKw,
            double taperAbove,
            double atFull,
            double startSoc,
            List<Double> powers,
            int minutes) {}

    @Test
    void energyIsConservedAndSocNeverFalls() {
        List<Charge> corners = new ArrayList<>();
        for (double capacity : new double[] {10, 1000}) {
            for (double maxKw : new double[] {0, 400}) {
                for (double startSoc : new double[] {0, 100}) {
                    for (List<Double> powers : List.of(List.of(0.0), List.of(500.0), List.of(500.0, 0.0, 500.0))) {
                        corners.add(new Charge(capacity, maxKw, 0, 0, startSoc, powers, 600));
                        corners.add(new Charge(capacity, maxKw, 100, 100, startSoc, powers, 1));
                    }
                }
            }
        }
        forAll(
                "energy conserved, SoC never falls",
                0x50C_0001L,
                300,
                corners,
                random -> {
                    List<Double> powers = new ArrayList<>();
                    int count = intIn(random, 1, 6);
                    for (int i = 0; i < count; i++) {
                        powers.add(doubleIn(random, 0, 500));
                    }
                    return new Charge(
                            doubleIn(random, 10, 1000),
                            doubleIn(random, 0, 400),
                            doubleIn(random, 0, 100),
                            doubleIn(random, 0, 100),
                            doubleIn(random, 0, 100),
                            List.copyOf(powers),
                            intIn(random, 1, 600));
                },
                SocProjectionTest::checkConservedAndMonotone);
    }

    private static void checkConservedAndMonotone(Charge c) {
        Battery battery = new Battery(c.capacity());
        ChargeCurve curve = new ChargeCurve(c.maxKw(), c.taperAbove(), c.atFull());
        Map<Instant, Double> steps = new LinkedHashMap<>();
        for (int i = 0; i < c.powers().size(); i++) {
            steps.put(T0.plus(Duration.ofMinutes(37L * i)), c.powers().get(i));
        }
        PowerProfile profile = PowerProfile.steps(steps);
        SocProjection projection = new SocProjection(battery, curve);
        double start = battery.kwhAt(c.startSoc());
        double previous = start;
        for (int m = 1; m <= c.minutes(); m += 53) {
            SocProjection.Outcome outcome =
                    projection.project(start, c.capacity(), T0, T0.plus(Duration.ofMinutes(m)), profile);
            // Conservation: what is in the battery is what it had plus what was delivered.
            assertThat(outcome.kwh()).isCloseTo(start + outcome.deliveredKwh(), within(1e-6));
            // Never past full, never more than the maximum power allows.
            assertThat(outcome.kwh()).isLessThanOrEqualTo(Math.max(start, c.capacity()) + 1e-6);
            assertThat(outcome.deliveredKwh()).isLessThanOrEqualTo(c.maxKw() * m / 60.0 + 1e-6);
            // Monotone: a longer horizon never ends with less.
            assertThat(outcome.kwh()).isGreaterThanOrEqualTo(previous - 1e-9);
            previous = outcome.kwh();
        }
    }
}
