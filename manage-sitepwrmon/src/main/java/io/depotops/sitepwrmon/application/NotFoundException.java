package io.depotops.sitepwrmon.application;

import java.util.UUID;

/** The resource does not exist in the caller's workspace (or the workspace is not theirs). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, UUID id) {
        this(resource, String.valueOf(id));
    }

    public NotFoundException(String resource, String id) {
        super(resource + " " + id + " not found", null, false, false);
    }
}
