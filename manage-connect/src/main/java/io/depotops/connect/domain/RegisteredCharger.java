package io.depotops.connect.domain;

import java.util.UUID;

/**
 * A charger as core's registry knows it, as of the feed's change {@code seq}: enough to admit it
 * without asking core (its workspace, OCPP version, security profile and password verifier).
 */
public record RegisteredCharger(
        String chargePointId,
        UUID workspaceId,
        OcppVersion version,
        int securityProfile,
        String passwordVerifier,
        long seq) {

    /** Security profile 2 (and above) connects over TLS only. */
    public boolean requiresTls() {
        return securityProfile >= 2;
    }
}
