package io.depotops.core.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A named set of chargers and vehicles of one workspace. */
public record ResourceGroup(
        UUID id,
        UUID workspaceId,
        String name,
        String description,
        Set<UUID> chargerIds,
        Set<UUID> vehicleIds,
        Instant createdAt,
        long version) {

    public ResourceGroup {
        chargerIds = Set.copyOf(chargerIds);
        vehicleIds = Set.copyOf(vehicleIds);
    }
}
