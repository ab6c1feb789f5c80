package io.depotops.core.application.port;

import io.depotops.core.domain.Vehicle;
import java.util.Optional;
import java.util.UUID;

public interface VehicleRepository extends TenantRepository<Vehicle> {

    Optional<Vehicle> findByVin(UUID workspaceId, String vin);

    Optional<Vehicle> findByFleetNumber(UUID workspaceId, String fleetNumber);

    Optional<Vehicle> findByIdTag(UUID workspaceId, String idTag);

    /** Across workspaces, for system jobs that start from a vehicle id. */
    Optional<Vehicle> findById(UUID id);

    Optional<Vehicle> findByTelematicsDevice(UUID workspaceId, String provider, String deviceId);
}
