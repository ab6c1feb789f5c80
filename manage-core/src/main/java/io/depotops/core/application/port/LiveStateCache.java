package io.depotops.core.application.port;

import io.depotops.core.domain.DepotLiveState;
import java.util.Optional;
import java.util.UUID;

/**
 * A fast copy of each depot's live state, kept rendered as JSON: the read path of a hot query
 * (light CQRS), so that serving it costs one cache read and no object mapping. Best effort:
 * PostgreSQL is the source of truth, and a miss or an unreachable cache means "rebuild from the
 * database", never an error for the caller.
 *
 * <p>Invalidation never makes its caller wait for the cache: it is sent after the transaction
 * commits, coalesced per depot (ADR 0006).
 */
public interface LiveStateCache {

    /** The rendered state and the workspace it belongs to. */
    record Document(UUID workspaceId, String json) {}

    /**
     * What a read found: the document, or a miss that remembers which invalidations of the depot the
     * cache had seen, so that a copy rebuilt from data loaded after the miss is stored only if no
     * invalidation came in between (a slow rebuild never brings back state older than a fact).
     */
    record Lookup(Optional<Document> document, String generation) {

        public static Lookup hit(Document document) {
            return new Lookup(Optional.of(document), null);
        }

        public static Lookup miss(String generation) {
            return new Lookup(Optional.empty(), generation);
        }
    }

    Lookup read(UUID depotId);

    /**
     * Renders the state and stores it (when the cache is reachable and {@code missed} is still the
     * depot's latest generation); returns it rendered either way.
     */
    Document store(UUID workspaceId, DepotLiveState state, Lookup missed);

    /**
     * Drops the depot's copy once the current transaction commits (or at once without one). Never
     * blocks: the caller's transaction neither waits for nor fails with the cache.
     */
    void invalidateAfterCommit(UUID depotId);
}
