package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.limit.LimitSignal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** External limit signals; in the caller's transaction. */
public interface LimitSignalRepository {

    void insert(LimitSignal signal);

    Optional<LimitSignal> find(UUID workspaceId, UUID id);

    /** A node's signals that end after {@code after}, by start. */
    List<LimitSignal> list(UUID workspaceId, UUID nodeId, Instant after);

    boolean delete(UUID workspaceId, UUID id);

    /** For each node, the lowest cap active at {@code at}. */
    Map<UUID, LimitSignal> lowestActive(Collection<UUID> nodeIds, Instant at);
}
