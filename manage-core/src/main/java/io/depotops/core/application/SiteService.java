package io.depotops.core.application;

import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.DomainEvents;
import io.depotops.core.application.port.DomainEvents.Change;
import io.depotops.core.application.port.SiteRepository;
import io.depotops.core.domain.Page;
import io.depotops.core.domain.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class SiteService {

    /** What a client may set on a site. */
    public record SiteDraft(UUID depotId, String name, BigDecimal gridCapacityKw) {}

    private final SiteRepository sites;
    private final DepotRepository depots;
    private final DomainEvents events;
    private final LiveStateService liveState;

    SiteService(SiteRepository sites, DepotRepository depots, DomainEvents events, LiveStateService liveState) {
        this.sites = sites;
        this.depots = depots;
        this.events = events;
        this.liveState = liveState;
    }

    @Transactional
    public Site create(UUID workspaceId, SiteDraft draft) {
        requireDepot(workspaceId, draft.depotId());
        rejectDuplicateName(draft, null);
        Site site = sites.insert(new Site(
                UUID.randomUUID(),
                workspaceId,
                draft.depotId(),
                draft.name().strip(),
                draft.gridCapacityKw(),
                Instant.now(),
                0));
        events.siteChanged(site, Change.REGISTERED);
        return site;
    }

    @Transactional
    public Site update(UUID workspaceId, UUID id, long expectedVersion, SiteDraft draft) {
        Site current = get(workspaceId, id);
        requireDepot(workspaceId, draft.depotId());
        rejectDuplicateName(draft, id);
        Site updated = sites.update(
                new Site(
                        id,
                        workspaceId,
                        draft.depotId(),
                        draft.name().strip(),
                        draft.gridCapacityKw(),
                        current.createdAt(),
                        current.version()),
                expectedVersion);
        events.siteChanged(updated, Change.UPDATED);
        liveState.depotChanged(current.depotId());
        liveState.depotChanged(updated.depotId());
        return updated;
    }

    public Site get(UUID workspaceId, UUID id) {
        return sites.find(workspaceId, id).orElseThrow(() -> new NotFoundException("site", id));
    }

    public Page<Site> list(UUID workspaceId, ListQuery query) {
        return sites.list(workspaceId, query);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        Site site = get(workspaceId, id);
        sites.delete(workspaceId, id, expectedVersion);
        events.siteChanged(site, Change.REMOVED);
    }

    private void requireDepot(UUID workspaceId, UUID depotId) {
        if (depotId == null || depots.find(workspaceId, depotId).isEmpty()) {
            throw new InvalidInputException("depotId", "must name a depot of this workspace");
        }
    }

    private void rejectDuplicateName(SiteDraft draft, UUID self) {
        sites.findByName(draft.depotId(), draft.name().strip())
                .filter(existing -> !existing.id().equals(self))
                .ifPresent(existing -> {
                    throw new ConflictException("site", "name", draft.name(), existing.id());
                });
    }
}
