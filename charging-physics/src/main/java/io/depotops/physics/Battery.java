package io.depotops.physics;

/** A traction battery by its usable capacity; converts between energy and state of charge. */
public record Battery(double capacityKwh) {

    public Battery {
        ChargeCurve.requireFinite(capacityKwh, "capacityKwh");
        if (capacityKwh <= 0) {
            throw new IllegalArgumentException("capacityKwh must be positive: " + capacityKwh);
        }
    }

    public double socPercent(double kwh) {
        return kwh / capacityKwh * 100;
    }

    public double kwhAt(double socPercent) {
        return socPercent / 100 * capacityKwh;
    }
}
