package io.depotops.core.application.port;

import io.depotops.core.domain.DepotLiveState;
import java.util.Optional;
import java.util.UUID;

/**
 * A fast copy of each depot's live state. Best effort: PostgreSQL is the source of truth, a miss
 * or an unreachable cache means "rebuild from the database", never an error for the caller.
 */
public interface LiveStateCache {

    Optional<DepotLiveState> read(UUID depotId);

    void store(DepotLiveState state);

    /** Drops the depot's copy once the current transaction commits (or at once without one). */
    void invalidateAfterCommit(UUID depotId);
}
