package io.depotops.core.application.plan;

import io.depotops.core.domain.plan.Tariff;
import java.util.Optional;
import java.util.UUID;

/** Storage of the sites' tariffs, scoped to a workspace. */
public interface TariffRepository {

    Optional<Tariff> find(UUID workspaceId, UUID siteId);

    Tariff insert(Tariff tariff);

    /** @throws io.depotops.core.application.StaleVersionException when the stored version is not {@code expectedVersion} */
    Tariff update(Tariff tariff, long expectedVersion);

    /** @throws io.depotops.core.application.StaleVersionException when the stored version is not {@code expectedVersion} */
    void delete(UUID workspaceId, UUID siteId, long expectedVersion);
}
