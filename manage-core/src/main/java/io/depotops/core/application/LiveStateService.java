package io.depotops.core.application;

import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.LiveStateCache;
import io.depotops.core.application.port.LiveStateCache.Document;
import io.depotops.core.application.port.LiveStateCache.Lookup;
import io.depotops.core.application.port.LiveStateSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Live state reads, served from the cache and rebuilt from PostgreSQL on a miss. */
@ApplicationScoped
public class LiveStateService {

    private final DepotRepository depots;
    private final LiveStateCache cache;
    private final LiveStateSource source;

    LiveStateService(DepotRepository depots, LiveStateCache cache, LiveStateSource source) {
        this.depots = depots;
        this.cache = cache;
        this.source = source;
    }

    /** The depot's live state as JSON (see {@link io.depotops.core.domain.DepotLiveState}). */
    public String depot(UUID workspaceId, UUID depotId) {
        Lookup lookup = cache.read(depotId);
        Optional<Document> cached = lookup.document();
        if (cached.isPresent()) {
            if (!cached.get().workspaceId().equals(workspaceId)) {
                throw new NotFoundException("depot", depotId);
            }
            return cached.get().json();
        }
        if (depots.find(workspaceId, depotId).isEmpty()) {
            throw new NotFoundException("depot", depotId);
        }
        // Loaded after the miss: stored only if no invalidation reached the cache meanwhile.
        return cache.store(workspaceId, source.load(depotId), lookup).json();
    }

    /** Called when a site's chargers changed: the depot's copy is rebuilt on its next read. */
    public void siteChanged(UUID siteId) {
        source.depotOfSite(siteId).ifPresent(cache::invalidateAfterCommit);
    }

    /** Depots whose state changed in the current transaction (each invalidated once after commit). */
    public void depotsChanged(java.util.Collection<UUID> depotIds) {
        depotIds.forEach(cache::invalidateAfterCommit);
    }

    public void depotChanged(UUID depotId) {
        cache.invalidateAfterCommit(depotId);
    }
}
