package io.depotops.sim.application;

/** The request does not fit the resource's current state (e.g. stepping a running run). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
