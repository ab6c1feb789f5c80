package io.depotops.core.application;

import io.depotops.core.application.port.DepotRepository;
import io.depotops.core.application.port.LiveStateCache;
import io.depotops.core.application.port.LiveStateSource;
import io.depotops.core.domain.DepotLiveState;
import jakarta.enterprise.context.ApplicationScoped;
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

    public DepotLiveState depot(UUID workspaceId, UUID depotId) {
        if (depots.find(workspaceId, depotId).isEmpty()) {
            throw new NotFoundException("depot", depotId);
        }
        return cache.read(depotId).orElseGet(() -> {
            DepotLiveState state = source.load(depotId);
            cache.store(state);
            return state;
        });
    }

    /** Called when a site's chargers changed: the depot's copy is rebuilt on its next read. */
    public void siteChanged(UUID siteId) {
        source.depotOfSite(siteId).ifPresent(cache::invalidateAfterCommit);
    }

    public void depotChanged(UUID depotId) {
        cache.invalidateAfterCommit(depotId);
    }
}
