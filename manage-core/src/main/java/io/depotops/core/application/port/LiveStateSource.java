package io.depotops.core.application.port;

import io.depotops.core.domain.DepotLiveState;
import java.util.Optional;
import java.util.UUID;

/** Reads live state from the source of truth. */
public interface LiveStateSource {

    DepotLiveState load(UUID depotId);

    Optional<UUID> depotOfSite(UUID siteId);
}
