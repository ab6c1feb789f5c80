package io.depotops.core.application;

/** The resource does not exist in the caller's workspace (or the caller may not know of it). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found", null, false, false);
    }
}
