package io.depotops.core.application.port;

import io.depotops.core.domain.RegistryEntry;
import java.util.Optional;
import java.util.UUID;

/** The registry change feed (ADR 0010), stored beside the entries it describes. */
public interface RegistryFeed {

    /**
     * Records, inside the caller's transaction, that a charger's entry changed; returns the
     * change's sequence. Registry writers are serialised until they commit.
     */
    long chargerChanged(UUID workspaceId, String chargePointId);

    /** As {@link #chargerChanged}, for an id token of a workspace. */
    long idTokenChanged(UUID workspaceId, String idToken);

    /** Up to {@code limit} entries changed after {@code seq}, in sequence order, with the head. */
    RegistryEntry.Slice changesAfter(long seq, int limit);

    Optional<RegistryEntry> charger(String chargePointId);

    Optional<RegistryEntry> idToken(UUID workspaceId, String idToken);
}
