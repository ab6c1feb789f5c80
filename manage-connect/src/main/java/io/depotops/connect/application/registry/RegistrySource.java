package io.depotops.connect.application.registry;

import java.util.Optional;
import java.util.UUID;

/**
 * Port to core's registry feed (over the internal link). Every call answers within its deadline or
 * throws {@link CoreUnavailableException}.
 */
public interface RegistrySource {

    /** Up to {@code limit} changes after {@code seq}, in sequence order. */
    RegistryChange.Page changesAfter(long seq, int limit);

    /** One charger's entry now (the miss path): empty when core does not know it at all. */
    Optional<RegistryChange> charger(String chargePointId);

    /** One id token's entry now: empty when core does not know it at all. */
    Optional<RegistryChange> idToken(UUID workspaceId, String idToken);
}
