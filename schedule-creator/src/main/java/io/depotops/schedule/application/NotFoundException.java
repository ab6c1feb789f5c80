package io.depotops.schedule.application;

import java.util.UUID;

/**
 * A plan that does not exist, has expired or belongs to a workspace the caller may not see (all
 * answer the same, so that ids cannot be probed).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(UUID planId) {
        super("No current plan " + planId, null, false, false);
    }

    public NotFoundException(String what, UUID id) {
        super("No " + what + " " + id, null, false, false);
    }
}
