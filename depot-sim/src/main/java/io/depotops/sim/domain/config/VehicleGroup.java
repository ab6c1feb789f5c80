package io.depotops.sim.domain.config;

import io.depotops.physics.ChargeCurve;
import java.util.List;

/** Vehicles of one kind with the same duties; member {@code i} is {@code idPrefix} and {@code i}. */
public record VehicleGroup(
        String idPrefix,
        int count,
        double batteryKwh,
        double consumptionKwhPerKm,
        Double maxAcKw,
        Double maxDcKw,
        Taper taper,
        double targetSocPercent,
        Arrival arrival,
        List<Block> blocks) {

    public VehicleGroup {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public String idOf(int number) {
        return SimulationConfig.memberId(idPrefix, number, count);
    }

    /** The most this vehicle takes from a charger of that current. */
    public double maxPowerKw(boolean dc) {
        Double max = dc ? maxDcKw : maxAcKw;
        return max == null ? 0 : max;
    }

    /**
     * The power the battery accepts at a state of charge: the maximum up to the taper's start,
     * then falling linearly to the taper's share of it at 100 % (charging-physics' charge curve).
     */
    public double acceptedPowerKw(boolean dc, double socPercent) {
        return chargeCurve(dc).acceptedPowerKw(socPercent);
    }

    public ChargeCurve chargeCurve(boolean dc) {
        double max = maxPowerKw(dc);
        return taper == null
                ? ChargeCurve.flat(max)
                : new ChargeCurve(max, taper.aboveSocPercent(), taper.powerAtFullPercent());
    }

    public record Taper(double aboveSocPercent, double powerAtFullPercent) {}

    /** First arrival window and the state of charge vehicles come back with. */
    public record Arrival(String from, String to, SocDistribution soc) {}

    public record SocDistribution(double meanPercent, double stdDevPercent, double minPercent, double maxPercent) {}

    /** A duty driven every day. */
    public record Block(String departure, String returns, double distanceKm) {}
}
