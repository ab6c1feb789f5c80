package io.depotops.connect.domain;

import java.util.UUID;

/** An id token core's registry knows: the tag of a vehicle of a workspace, as of change {@code seq}. */
public record RegisteredIdToken(UUID workspaceId, String idToken, UUID vehicleId, long seq) {}
