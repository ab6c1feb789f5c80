package io.depotops.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
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

    @Property
    void taperIsNeverAboveTheMaximumNorBelowItsShareAtFull(
            @ForAll @DoubleRange(min = 0, max = 500) double maxKw,
            @ForAll @DoubleRange(min = 0, max = 100) double taperAbove,
            @ForAll @DoubleRange(min = 0, max = 100) double atFull,
            @ForAll @DoubleRange(min = -10, max = 110) double soc) {
        double accepted = new ChargeCurve(maxKw, taperAbove, atFull).acceptedPowerKw(soc);
        assertThat(accepted).isLessThanOrEqualTo(maxKw + 1e-9).isGreaterThanOrEqualTo(maxKw * atFull / 100 - 1e-9);
    }

    @Property
    void acceptedPowerNeverRisesAsTheBatteryFills(
            @ForAll @DoubleRange(min = 0, max = 500) double maxKw,
            @ForAll @DoubleRange(min = 0, max = 100) double taperAbove,
            @ForAll @DoubleRange(min = 0, max = 100) double atFull,
            @ForAll @DoubleRange(min = 0, max = 100) double lower,
            @ForAll @DoubleRange(min = 0, max = 100) double higher) {
        ChargeCurve curve = new ChargeCurve(maxKw, taperAbove, atFull);
        double low = Math.min(lower, higher);
        double high = Math.max(lower, higher);
        assertThat(curve.acceptedPowerKw(high)).isLessThanOrEqualTo(curve.acceptedPowerKw(low) + 1e-9);
    }
}
