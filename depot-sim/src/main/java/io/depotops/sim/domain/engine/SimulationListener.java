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
}
