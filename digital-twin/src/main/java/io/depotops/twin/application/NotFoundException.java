package io.depotops.twin.application;

/** A depot the caller may not see or core does not have (answered 404 either way). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
