package io.depotops.sim.application;

/** A resource that does not exist in the caller's workspace (or at all: the caller cannot tell). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found", null, false, false);
    }
}
