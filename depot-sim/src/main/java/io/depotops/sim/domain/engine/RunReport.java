package io.depotops.sim.domain.engine;

import java.time.Instant;
import java.util.List;

/**
 * What a run achieved: energy delivered, departures and how many left ready (state of charge at or
 * above the target), peak site power, time any site node was above its limit.
 */
public record RunReport(
        Instant virtualStart,
        Instant virtualTime,
        double energyDeliveredKwh,
        int departures,
        int readyAtDeparture,
        List<MissedDeparture> missedDepartures,
        double peakPowerKw,
        Instant peakAt,
        long limitViolationSeconds,
        int vehiclesRanOutOfEnergy,
        int faultsInjected,
        String traceDigest) {

    /** A departure below target (the first ones of a run, at most {@value Simulation#MISSED_KEPT}). */
    public record MissedDeparture(String vehicleId, Instant at, double socPercent, double targetSocPercent) {}
}
