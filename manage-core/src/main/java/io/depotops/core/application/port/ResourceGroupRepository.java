package io.depotops.core.application.port;

import io.depotops.core.domain.ResourceGroup;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public interface ResourceGroupRepository extends TenantRepository<ResourceGroup> {

    Optional<ResourceGroup> findByName(UUID workspaceId, String name);

    /** For each vehicle of the workspace that is in a group, the ids of its groups. */
    Map<UUID, Set<UUID>> groupsOfVehicles(UUID workspaceId);
}
