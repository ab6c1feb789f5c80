package io.depotops.contracts.events.sitepwrmon;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code sitepwrmon.limit-exceeded.v1}: a node's load went above a limit ({@code binding}: {@code
 * POWER}, {@code L1}, {@code L2} or {@code L3}; {@code utilisation} above 1). Sent once per entry,
 * not per reading.
 */
@EventType(EventTypes.SITEPWRMON_LIMIT_EXCEEDED_V1)
public record LimitExceededV1(
        String nodeId,
        String workspaceId,
        String siteId,
        Instant measuredAt,
        double loadKw,
        PhaseAmpsV1 currentA,
        Double limitKw,
        PhaseAmpsV1 limitA,
        String binding,
        double utilisation,
        String limitSignalId) {}
