package io.depotops.sim.application;

/** The suite a run is to drive refused or could not be reached (e.g. core refused a registration). */
public class SuiteUnavailableException extends RuntimeException {

    public SuiteUnavailableException(String message) {
        super(message, null, false, false);
    }
}
