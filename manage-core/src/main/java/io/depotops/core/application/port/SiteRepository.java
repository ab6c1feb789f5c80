package io.depotops.core.application.port;

import io.depotops.core.domain.Site;
import java.util.Optional;
import java.util.UUID;

public interface SiteRepository extends TenantRepository<Site> {

    Optional<Site> findByName(UUID depotId, String name);
}
