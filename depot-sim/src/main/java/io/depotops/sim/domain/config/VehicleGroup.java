package io.depotops.sim.domain.config;

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
     * then falling linearly to the taper's share of it at 100 %.
     */
    public double acceptedPowerKw(boolean dc, double socPercent) {
        double max = maxPowerKw(dc);
        if (taper == null || socPercent <= taper.aboveSocPercent()) {
            return max;
        }
        double span = 100 - taper.aboveSocPercent();
        double progress = span <= 0 ? 1 : Math.min(1, (socPercent - taper.aboveSocPercent()) / span);
        return max * (1 - progress * (1 - taper.powerAtFullPercent() / 100));
    }

    public record Taper(double aboveSocPercent, double powerAtFullPercent) {}

    /** First arrival window and the state of charge vehicles come back with. */
    public record Arrival(String from, String to, SocDistribution soc) {}

    public record SocDistribution(double meanPercent, double stdDevPercent, double minPercent, double maxPercent) {}

    /** A duty driven every day. */
    public record Block(String departure, String returns, double distanceKm) {}
}
