package io.depotops.core.domain;

import java.util.Locale;

/** A telematics provider core can poll. */
public enum ProviderKind {
    GEOTAB,
    SAMSARA;

    /** The provider's name as registered on vehicles and carried by canonical updates. */
    public String providerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
