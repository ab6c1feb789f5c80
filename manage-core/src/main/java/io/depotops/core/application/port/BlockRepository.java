package io.depotops.core.application.port;

import io.depotops.core.domain.VehicleBlock;
import java.util.List;
import java.util.UUID;

public interface BlockRepository extends TenantRepository<VehicleBlock> {

    List<VehicleBlock> ofDepot(UUID workspaceId, UUID depotId);

    List<VehicleBlock> ofVehicle(UUID workspaceId, UUID vehicleId);
}
