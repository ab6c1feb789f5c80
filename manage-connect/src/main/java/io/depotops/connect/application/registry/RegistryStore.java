package io.depotops.connect.application.registry;

import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.connect.domain.RegisteredIdToken;
import java.util.List;

/**
 * Port to connect's own copy of the registry (its database), shared by its instances: what a
 * restarted connect admits chargers with while core is away.
 */
public interface RegistryStore {

    /** Everything stored, and the feed sequence it is complete up to. */
    Snapshot load();

    /**
     * Stores the changes (an entry is replaced only by a later change of it) and records that the
     * copy is complete up to {@code appliedSeq} (never moving it back).
     */
    void apply(List<RegistryChange> changes, long appliedSeq);

    /** Forgets everything: core's feed was rebuilt, the copy is read again from the start. */
    void clear();

    record Snapshot(List<RegisteredCharger> chargers, List<RegisteredIdToken> idTokens, long appliedSeq) {}
}
