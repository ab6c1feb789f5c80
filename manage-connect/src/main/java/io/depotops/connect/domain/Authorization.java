package io.depotops.connect.domain;

import java.time.Instant;

/** The decision on an id token, from connect's read model of core's registry. */
public record Authorization(AuthorizationStatus status, Instant expiresAt, String groupIdToken) {

    public static Authorization accepted() {
        return new Authorization(AuthorizationStatus.ACCEPTED, null, null);
    }

    /** A token core's registry does not know (OCPP 1.6, which has no such status, says Invalid). */
    public static Authorization unknown() {
        return new Authorization(AuthorizationStatus.UNKNOWN, null, null);
    }

    public static Authorization invalid() {
        return new Authorization(AuthorizationStatus.INVALID, null, null);
    }
}
