package io.depotops.core.application;

import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.PriorityRepository;
import io.depotops.core.application.port.PriorityRepository.Target;
import io.depotops.core.application.port.ResourceGroupRepository;
import io.depotops.core.application.port.VehicleRepository;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.ResourceGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Resource groups and the explicit charging priorities of vehicles and groups. */
@ApplicationScoped
public class ResourceGroupService {

    /** What a client may set on a group. */
    public record GroupDraft(String name, String description, Set<UUID> chargerIds, Set<UUID> vehicleIds) {}

    private final ResourceGroupRepository groups;
    private final ChargerRepository chargers;
    private final VehicleRepository vehicles;
    private final PriorityRepository priorities;

    ResourceGroupService(
            ResourceGroupRepository groups,
            ChargerRepository chargers,
            VehicleRepository vehicles,
            PriorityRepository priorities) {
        this.groups = groups;
        this.chargers = chargers;
        this.vehicles = vehicles;
        this.priorities = priorities;
    }

    @Transactional
    public ResourceGroup create(UUID workspaceId, GroupDraft draft) {
        check(workspaceId, draft, null);
        return groups.insert(toGroup(UUID.randomUUID(), workspaceId, draft, Instant.now(), 0));
    }

    @Transactional
    public ResourceGroup update(UUID workspaceId, UUID id, long expectedVersion, GroupDraft draft) {
        ResourceGroup current = get(workspaceId, id);
        check(workspaceId, draft, id);
        return groups.update(toGroup(id, workspaceId, draft, current.createdAt(), current.version()), expectedVersion);
    }

    public ResourceGroup get(UUID workspaceId, UUID id) {
        return groups.find(workspaceId, id).orElseThrow(() -> new NotFoundException("group", id));
    }

    public Page<ResourceGroup> list(UUID workspaceId, ListQuery query) {
        return groups.list(workspaceId, query);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        get(workspaceId, id);
        priorities.set(workspaceId, Target.GROUP, id, Optional.empty());
        groups.delete(workspaceId, id, expectedVersion);
    }

    /** Sets (1 highest .. 10) or clears a vehicle's explicit priority. */
    @Transactional
    public void prioritiseVehicle(UUID workspaceId, UUID vehicleId, Integer level) {
        vehicles.find(workspaceId, vehicleId).orElseThrow(() -> new NotFoundException("vehicle", vehicleId));
        priorities.set(workspaceId, Target.VEHICLE, vehicleId, checked(level));
    }

    /** Sets or clears the priority of a group's vehicles. */
    @Transactional
    public void prioritiseGroup(UUID workspaceId, UUID groupId, Integer level) {
        get(workspaceId, groupId);
        priorities.set(workspaceId, Target.GROUP, groupId, checked(level));
    }

    private static Optional<Integer> checked(Integer level) {
        if (level != null && (level < 1 || level > 10)) {
            throw new InvalidInputException("level", "must be 1 (highest) to 10, or null to clear");
        }
        return Optional.ofNullable(level);
    }

    private void check(UUID workspaceId, GroupDraft draft, UUID self) {
        groups.findByName(workspaceId, draft.name().strip())
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw new ConflictException("group", "name", draft.name(), existing.id());
                });
        for (UUID charger : nullToEmpty(draft.chargerIds())) {
            if (chargers.find(workspaceId, charger).isEmpty()) {
                throw new InvalidInputException("chargerIds", "charger " + charger + " is not in this workspace");
            }
        }
        for (UUID vehicle : nullToEmpty(draft.vehicleIds())) {
            if (vehicles.find(workspaceId, vehicle).isEmpty()) {
                throw new InvalidInputException("vehicleIds", "vehicle " + vehicle + " is not in this workspace");
            }
        }
    }

    private static ResourceGroup toGroup(UUID id, UUID workspaceId, GroupDraft draft, Instant createdAt, long version) {
        return new ResourceGroup(
                id,
                workspaceId,
                draft.name().strip(),
                draft.description(),
                nullToEmpty(draft.chargerIds()),
                nullToEmpty(draft.vehicleIds()),
                createdAt,
                version);
    }

    private static Set<UUID> nullToEmpty(Set<UUID> ids) {
        return ids == null ? Set.of() : ids;
    }
}
