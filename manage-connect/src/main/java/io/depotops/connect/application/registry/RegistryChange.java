package io.depotops.connect.application.registry;

import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.connect.domain.RegisteredIdToken;
import java.util.UUID;

/** One change of core's registry feed: an entry as it is now, or its removal. */
public sealed interface RegistryChange {

    long seq();

    /** A charger registered or changed ({@code charger} set) or removed ({@code charger} null). */
    record ChargerChange(long seq, String chargePointId, UUID workspaceId, RegisteredCharger charger)
            implements RegistryChange {}

    /** An id token added or changed ({@code token} set) or removed ({@code token} null). */
    record IdTokenChange(long seq, UUID workspaceId, String idToken, RegisteredIdToken token)
            implements RegistryChange {}

    /** A page of the feed and the feed's head when it was read. */
    record Page(java.util.List<RegistryChange> changes, long head) {}
}
