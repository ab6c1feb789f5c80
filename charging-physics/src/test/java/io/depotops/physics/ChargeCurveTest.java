package io.depotops.physics;

import static io.depotops.physics.PropertyCheck.doubleIn;
import static io.depotops.physics.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeCurveTest {

    private final ChargeCurve bus = new ChargeCurve(150, 80, 20);

    @Test
    void fullPowerUpToTheTaperThenLinearDownToItsShareAtFull() {
        assertThat(bus.acceptedPowerKw(0)).isEqualTo(150);
        assertThat(bus.acceptedPowerKw(80)).isEqualTo(150);
        assertThat(bus.acceptedPowerKw(90)).isCloseTo(90, within(1e-9));
        assertThat(bus.acceptedPowerKw(100)).isCloseTo(30, within(1e-9));
        assertThat(bus.acceptedPowerKw(140)).isCloseTo(30, within(1e-9));
    }

    @Test
    void aFlatCurveTakesItsMaximumToTheEndAndTheOfferCapsWhatFlows() {
        ChargeCurve van = ChargeCurve.flat(22);
        assertThat(van.acceptedPowerKw(99.9)).isEqualTo(22);
        assertThat(van.drawnPowerKw(11, 50)).isEqualTo(11);
        assertThat(van.drawnPowerKw(50, 50)).isEqualTo(22);
        assertThat(van.drawnPowerKw(-5, 50)).isZero();
    }

    @Test
    void refusesImpossibleCurves() {
        assertThatThrownBy(() -> new ChargeCurve(-1, 80, 20)).hasMessageContaining("maxPowerKw");
        assertThatThrownBy(() -> new ChargeCurve(50, 120, 20)).hasMessageContaining("taperAboveSocPercent");
        assertThatThrownBy(() -> new ChargeCurve(50, 80, Double.NaN)).hasMessageContaining("powerAtFullPercent");
        assertThatThrownBy(() -> new Battery(0)).hasMessageContaining("capacityKwh");
        assertThatThrownBy(() -> new Consumption(-0.1)).hasMessageContaining("kwhPerKm");
    }

    record CurveAt(double maxKw, double taperAbove, double atFull, double soc) {}

    record CurveBetween(double maxKw, double taperAbove, double atFull, double lower, double higher) {}

    @Test
    void taperIsNeverAboveTheMaximumNorBelowItsShareAtFull() {
        List<CurveAt> corners = new ArrayList<>();
        for (double maxKw : new double[] {0, 150, 500}) {
            for (double taperAbove : new double[] {0, 80, 100}) {
                for (double atFull : new double[] {0, 20, 100}) {
                    for (double soc : new double[] {-10, 0, 80, 100, 110}) {
                        corners.add(new CurveAt(maxKw, taperAbove, atFull, soc));
                    }
                }
            }
        }
        forAll(
                "taper within [share at full, maximum]",
                0x7A9E_0001L,
                1000,
                corners,
                random -> new CurveAt(
                        doubleIn(random, 0, 500),
                        doubleIn(random, 0, 100),
                        doubleIn(random, 0, 100),
                        doubleIn(random, -10, 110)),
                c -> {
                    double accepted = new ChargeCurve(c.maxKw(), c.taperAbove(), c.atFull()).acceptedPowerKw(c.soc());
                    assertThat(accepted)
                            .isLessThanOrEqualTo(c.maxKw() + 1e-9)
                            .isGreaterThanOrEqualTo(c.maxKw() * c.atFull() / 100 - 1e-9);
                });
    }

    @Test
    void acceptedPowerNeverRisesAsTheBatteryFills() {
        List<CurveBetween> corners = new ArrayList<>();
        for (double taperAbove : new double[] {0, 80, 100}) {
            for (double atFull : new double[] {0, 20, 100}) {
                corners.add(new CurveBetween(500, taperAbove, atFull, 0, 100));
                corners.add(new CurveBetween(500, taperAbove, atFull, taperAbove, 100));
                corners.add(new CurveBetween(0, taperAbove, atFull, 0, 100));
            }
        }
        forAll(
                "accepted power never rises with SoC",
                0x7A9E_0002L,
                1000,
                corners,
                random -> new CurveBetween(
                        doubleIn(random, 0, 500),
                        doubleIn(random, 0, 100),
                        doubleIn(random, 0, 100),
                        doubleIn(random, 0, 100),
                        doubleIn(random, 0, 100)),
                c -> {
                    ChargeCurve curve = new ChargeCurve(c.maxKw(), c.taperAbove(), c.atFull());
                    double low = Math.min(c.lower(), c.higher());
                    double high = Math.max(c.lower(), c.higher());
                    assertThat(curve.acceptedPowerKw(high)).isLessThanOrEqualTo(curve.acceptedPowerKw(low) + 1e-9);
                });
    }
}
