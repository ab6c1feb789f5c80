package io.depotops.core.application.port;

import io.depotops.core.domain.Vehicle;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface VehicleRepository extends TenantRepository<Vehicle> {

    Optional<Vehicle> findByVin(UUID workspaceId, String vin);

    Optional<Vehicle> findByFleetNumber(UUID workspaceId, String fleetNumber);

    Optional<Vehicle> findByIdTag(UUID workspaceId, String idTag);

    /** Across workspaces, for system jobs that start from a vehicle id. */
    Optional<Vehicle> findById(UUID id);

    Optional<Vehicle> findByTelematicsDevice(UUID workspaceId, String provider, String deviceId);

    /** The vehicles of these devices of one provider, by device id, in one query; read only. */
    Map<String, Vehicle> findByTelematicsDevices(UUID workspaceId, String provider, Collection<String> deviceIds);
}
