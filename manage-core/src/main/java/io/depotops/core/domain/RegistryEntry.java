package io.depotops.core.domain;

import java.util.UUID;

/**
 * An entry of the registry feed as of its last change: what manage-connect needs to admit a
 * charger (its OCPP version, security profile and password verifier) or to authorise an id token
 * (the vehicle it belongs to). {@code removed}: it no longer exists.
 */
public sealed interface RegistryEntry {

    long seq();

    UUID workspaceId();

    String key();

    boolean removed();

    record ChargerEntry(
            long seq,
            UUID workspaceId,
            String key,
            boolean removed,
            OcppVersion ocppVersion,
            Integer securityProfile,
            String passwordVerifier)
            implements RegistryEntry {}

    record IdTokenEntry(long seq, UUID workspaceId, String key, boolean removed, UUID vehicleId)
            implements RegistryEntry {}

    /** A page of the feed and its head (last sequence) when read. */
    record Slice(java.util.List<RegistryEntry> entries, long head) {}
}
