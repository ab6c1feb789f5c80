package io.depotops.core.adapter.out.persistence;

import io.depotops.core.adapter.out.persistence.KeysetPager.Field;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.Vehicle;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
class VehicleRepositoryAdapter extends TenantRepositoryAdapter<VehicleEntity, Vehicle> implements VehicleRepository {

    private final KeysetPager<VehicleEntity, Vehicle> pager = new KeysetPager<>(
            VehicleEntity.class,
            Map.of(
                    "createdAt", Field.instant("createdAt"),
                    "fleetNumber", Field.text("fleetNumber"),
                    "vin", Field.text("vin"),
                    "batteryKwh", Field.decimal("batteryKwh")),
            Map.of("depotId", Field.uuid("depotId"), "telematicsProvider", Field.text("telematicsProvider")),
            e -> Map.of(
                    "createdAt", e.createdAt, "fleetNumber", e.fleetNumber, "vin", e.vin, "batteryKwh", e.batteryKwh),
            e -> e.id,
            this::toDomain);

    VehicleRepositoryAdapter() {
        super(VehicleEntity.class, "vehicle");
    }

    @Override
    public Optional<Vehicle> findByVin(UUID workspaceId, String vin) {
        return findBy("vin", workspaceId, vin);
    }

    @Override
    public Optional<Vehicle> findByFleetNumber(UUID workspaceId, String fleetNumber) {
        return findBy("fleetNumber", workspaceId, fleetNumber);
    }

    @Override
    public Optional<Vehicle> findByIdTag(UUID workspaceId, String idTag) {
        return findBy("idTag", workspaceId, idTag);
    }

    @Override
    public Optional<Vehicle> findById(UUID id) {
        return VehicleEntity.<VehicleEntity>findByIdOptional(id).map(this::toDomain);
    }

    @Override
    public Optional<Vehicle> findByTelematicsDevice(UUID workspaceId, String provider, String deviceId) {
        return VehicleEntity.<VehicleEntity>find(
                        "workspaceId = ?1 and telematicsProvider = ?2 and telematicsDeviceId = ?3",
                        workspaceId,
                        provider,
                        deviceId)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    public Map<String, Vehicle> findByTelematicsDevices(
            UUID workspaceId, String provider, Collection<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        // Read only: a batch of ingested updates runs native statements, each of which would
        // otherwise dirty-check every vehicle loaded here.
        return VehicleEntity.<VehicleEntity>find(
                        "workspaceId = ?1 and telematicsProvider = ?2 and telematicsDeviceId in ?3",
                        workspaceId,
                        provider,
                        deviceIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list()
                .stream()
                .map(this::toDomain)
                .collect(Collectors.toMap(Vehicle::telematicsDeviceId, vehicle -> vehicle));
    }

    private Optional<Vehicle> findBy(String field, UUID workspaceId, String value) {
        return VehicleEntity.<VehicleEntity>find("workspaceId = ?1 and " + field + " = ?2", workspaceId, value)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    VehicleEntity newEntity() {
        return new VehicleEntity();
    }

    @Override
    void copy(Vehicle from, VehicleEntity to) {
        to.depotId = from.depotId();
        to.vin = from.vin();
        to.fleetNumber = from.fleetNumber();
        to.batteryKwh = from.batteryKwh();
        to.maxAcKw = from.maxAcKw();
        to.maxDcKw = from.maxDcKw();
        to.efficiencyKwhPerKm = from.efficiencyKwhPerKm();
        to.telematicsProvider = from.telematicsProvider();
        to.telematicsDeviceId = from.telematicsDeviceId();
        to.idTag = from.idTag();
    }

    @Override
    Vehicle toDomain(VehicleEntity e) {
        return new Vehicle(
                e.id,
                e.workspaceId,
                e.depotId,
                e.vin,
                e.fleetNumber,
                e.batteryKwh,
                e.maxAcKw,
                e.maxDcKw,
                e.efficiencyKwhPerKm,
                e.telematicsProvider,
                e.telematicsDeviceId,
                e.idTag,
                e.createdAt,
                e.version);
    }

    @Override
    UUID idOf(Vehicle resource) {
        return resource.id();
    }

    @Override
    UUID workspaceOf(Vehicle resource) {
        return resource.workspaceId();
    }

    @Override
    KeysetPager<VehicleEntity, Vehicle> pager() {
        return pager;
    }
}
