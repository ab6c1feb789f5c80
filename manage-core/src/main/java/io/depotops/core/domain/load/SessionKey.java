package io.depotops.core.domain.load;

import java.util.UUID;

/** One EVSE of a charger: what a charging limit is set on. */
public record SessionKey(UUID chargerId, int evseId) {}
