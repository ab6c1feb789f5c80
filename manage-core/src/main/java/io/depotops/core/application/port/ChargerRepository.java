package io.depotops.core.application.port;

import io.depotops.core.domain.Charger;
import java.util.Optional;

public interface ChargerRepository extends TenantRepository<Charger> {

    /** Across workspaces: a charge point id identifies one charger everywhere. */
    Optional<Charger> findByChargePointId(String chargePointId);
}
