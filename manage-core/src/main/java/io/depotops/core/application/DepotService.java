package io.depotops.core.application;

import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.DomainEvents.Change;
import io.depotops.core.domain.Depot;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class DepotService {

    /** What a client may set on a depot. */
    public record DepotDraft(String name, String address, String timeZone) {}

    private final DepotRepository depots;
    private final DomainEvents events;

    DepotService(DepotRepository depots, DomainEvents events) {
        this.depots = depots;
        this.events = events;
    }

    @Transactional
    public Depot create(UUID workspaceId, DepotDraft draft) {
        rejectDuplicateName(workspaceId, draft.name(), null);
        Depot depot = depots.insert(new Depot(
                UUID.randomUUID(),
                workspaceId,
                draft.name().strip(),
                draft.address(),
                zone(draft.timeZone()),
                Instant.now(),
                0));
        events.depotChanged(depot, Change.REGISTERED);
        return depot;
    }

    @Transactional
    public Depot update(UUID workspaceId, UUID id, long expectedVersion, DepotDraft draft) {
        Depot current = get(workspaceId, id);
        rejectDuplicateName(workspaceId, draft.name(), id);
        Depot updated = depots.update(
                new Depot(
                        id,
                        workspaceId,
                        draft.name().strip(),
                        draft.address(),
                        zone(draft.timeZone()),
                        current.createdAt(),
                        current.version()),
                expectedVersion);
        events.depotChanged(updated, Change.UPDATED);
        return updated;
    }

    public Depot get(UUID workspaceId, UUID id) {
        return depots.find(workspaceId, id).orElseThrow(() -> new NotFoundException("depot", id));
    }

    public Page<Depot> list(UUID workspaceId, ListQuery query) {
        return depots.list(workspaceId, query);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        Depot depot = get(workspaceId, id);
        depots.delete(workspaceId, id, expectedVersion);
        events.depotChanged(depot, Change.REMOVED);
    }

    private void rejectDuplicateName(UUID workspaceId, String name, UUID self) {
        depots.findByName(workspaceId, name.strip())
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw new ConflictException("depot", "name", name, existing.id());
                });
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInputException("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
