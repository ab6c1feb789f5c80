package io.depotops.sim.domain.engine;

import java.time.Instant;

/**
 * What the outside world sees of a running simulation: the chargers' sessions, meter samples and
 * faults, as an OCPP link reports them. Called on the simulation's thread, in virtual-time order.
 */
public interface SimulationListener {

    SimulationListener NONE = new SimulationListener() {};

    default void sessionStarted(String chargerId, int connector, String vehicleId, long meterStartWh, Instant at) {}

    default void sessionEnded(String chargerId, int connector, String vehicleId, long meterStopWh, Instant at) {}

    default void meterSample(
            String chargerId, int connector, long energyWh, double powerKw, Double socPercent, Instant at) {}

    default void chargerFaulted(String chargerId, boolean faulted, Instant at) {}

    default void linkDropped(String chargerId, Instant at) {}

    /** Every meter interval, each site node's load (its chargers' draw and base loads below it). */
    default void nodeMetered(String nodeId, double loadKw, Instant at) {}

    /** Every meter interval, each vehicle at the depot as its telematics would report it. */
    default void vehicleSampled(String vehicleId, double socPercent, boolean pluggedIn, boolean charging, Instant at) {}

    /** A vehicle leaves on a block of {@code distanceKm} (its odometer moves on by it). */
    default void vehicleDeparted(String vehicleId, double distanceKm, Instant at) {}
}
