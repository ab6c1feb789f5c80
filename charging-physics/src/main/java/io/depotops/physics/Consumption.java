package io.depotops.physics;

/** What a vehicle uses on the road, in kWh per km. */
public record Consumption(double kwhPerKm) {

    public Consumption {
        ChargeCurve.requireFinite(kwhPerKm, "kwhPerKm");
        if (kwhPerKm < 0) {
            throw new IllegalArgumentException("kwhPerKm must not be negative: " + kwhPerKm);
        }
    }

    public double kwhFor(double distanceKm) {
        return distanceKm * kwhPerKm;
    }
}
