package io.depotops.core.application;

import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.DomainEvents.Change;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.Vehicle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
public class VehicleService {

    /** What a client may set on a vehicle. */
    public record VehicleDraft(
            UUID depotId,
            String vin,
            String fleetNumber,
            BigDecimal batteryKwh,
            BigDecimal maxAcKw,
            BigDecimal maxDcKw,
            BigDecimal efficiencyKwhPerKm,
            String telematicsProvider,
            String telematicsDeviceId,
            String idTag) {}

    private final VehicleRepository vehicles;
    private final DepotRepository depots;
    private final DomainEvents events;
    private final LiveStateService liveState;
    private final RegistryService registry;

    VehicleService(
            VehicleRepository vehicles,
            DepotRepository depots,
            DomainEvents events,
            LiveStateService liveState,
            RegistryService registry) {
        this.vehicles = vehicles;
        this.depots = depots;
        this.events = events;
        this.liveState = liveState;
        this.registry = registry;
    }

    @Transactional
    public Vehicle register(UUID workspaceId, VehicleDraft draft) {
        check(workspaceId, draft, null);
        Vehicle vehicle = vehicles.insert(toVehicle(UUID.randomUUID(), workspaceId, draft, Instant.now(), 0));
        events.vehicleChanged(vehicle, Change.REGISTERED);
        registry.vehicleChanged(null, vehicle);
        invalidateDepotOf(vehicle);
        return vehicle;
    }

    @Transactional
    public Vehicle update(UUID workspaceId, UUID id, long expectedVersion, VehicleDraft draft) {
        Vehicle current = get(workspaceId, id);
        check(workspaceId, draft, id);
        Vehicle updated = vehicles.update(
                toVehicle(id, workspaceId, draft, current.createdAt(), current.version()), expectedVersion);
        events.vehicleChanged(updated, Change.UPDATED);
        registry.vehicleChanged(current, updated);
        invalidateDepotOf(current);
        invalidateDepotOf(updated);
        return updated;
    }

    public Vehicle get(UUID workspaceId, UUID id) {
        return vehicles.find(workspaceId, id).orElseThrow(() -> new NotFoundException("vehicle", id));
    }

    public Page<Vehicle> list(UUID workspaceId, ListQuery query) {
        return vehicles.list(workspaceId, query);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        Vehicle vehicle = get(workspaceId, id);
        vehicles.delete(workspaceId, id, expectedVersion);
        events.vehicleChanged(vehicle, Change.REMOVED);
        registry.vehicleChanged(vehicle, null);
        invalidateDepotOf(vehicle);
    }

    private void invalidateDepotOf(Vehicle vehicle) {
        if (vehicle.depotId() != null) {
            liveState.depotChanged(vehicle.depotId());
        }
    }

    private void check(UUID workspaceId, VehicleDraft draft, UUID self) {
        if (draft.depotId() != null && depots.find(workspaceId, draft.depotId()).isEmpty()) {
            throw new InvalidInputException("depotId", "must name a depot of this workspace");
        }
        if ((draft.telematicsDeviceId() == null) != (draft.telematicsProvider() == null)) {
            throw new InvalidInputException(
                    "telematicsDeviceId", "telematicsProvider and telematicsDeviceId go together");
        }
        unique("vin", draft.vin(), self, vin -> vehicles.findByVin(workspaceId, vin));
        unique("fleetNumber", draft.fleetNumber(), self, number -> vehicles.findByFleetNumber(workspaceId, number));
        if (draft.idTag() != null) {
            unique("idTag", draft.idTag(), self, tag -> vehicles.findByIdTag(workspaceId, tag));
        }
    }

    private static void unique(String field, String value, UUID self, Function<String, Optional<Vehicle>> lookup) {
        lookup.apply(value).filter(existing -> !existing.id().equals(self)).ifPresent(existing -> {
            throw new ConflictException("vehicle", field, value, existing.id());
        });
    }

    private static Vehicle toVehicle(UUID id, UUID workspaceId, VehicleDraft draft, Instant createdAt, long version) {
        return new Vehicle(
                id,
                workspaceId,
                draft.depotId(),
                draft.vin(),
                draft.fleetNumber(),
                draft.batteryKwh(),
                draft.maxAcKw(),
                draft.maxDcKw(),
                draft.efficiencyKwhPerKm(),
                draft.telematicsProvider(),
                draft.telematicsDeviceId(),
                draft.idTag(),
                createdAt,
                version);
    }
}
