package io.depotops.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A grid connection at a depot: chargers on it share its capacity. */
public record Site(
        UUID id,
        UUID workspaceId,
        UUID depotId,
        String name,
        BigDecimal gridCapacityKw,
        Instant createdAt,
        long version) {}
