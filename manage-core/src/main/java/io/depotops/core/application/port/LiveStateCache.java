package io.depotops.core.application.port;

import io.depotops.core.domain.DepotLiveState;
import java.util.Optional;
import java.util.UUID;

/**
 * A fast copy of each depot's live state, kept rendered as JSON: the read path of a hot query
 * (light CQRS), so that serving it costs one cache read and no object mapping. Best effort:
 * PostgreSQL is the source of truth, and a miss or an unreachable cache means "rebuild from the
 * database", never an error for the caller.
 */
public interface LiveStateCache {

    /** The rendered state and the workspace it belongs to. */
    record Document(UUID workspaceId, String json) {}

    Optional<Document> read(UUID depotId);

    /** Stores the state (when the cache is reachable) and returns it rendered. */
    Document store(UUID workspaceId, DepotLiveState state);

    /** Drops the depot's copy once the current transaction commits (or at once without one). */
    void invalidateAfterCommit(UUID depotId);
}
