package io.depotops.core.application.port;

import io.depotops.core.domain.Depot;
import java.util.Optional;
import java.util.UUID;

public interface DepotRepository extends TenantRepository<Depot> {

    Optional<Depot> findByName(UUID workspaceId, String name);
}
