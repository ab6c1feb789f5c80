package io.depotops.contracts.events.sitepwrmon;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code sitepwrmon.limit-approaching.v1}: a node's load entered the warning band (its
 * {@code utilisation} of the binding limit reached the service's threshold) from below. Sent once
 * per entry, not per reading. {@code binding} names the limit: {@code POWER}, {@code L1}, {@code
 * L2} or {@code L3}.
 */
@EventType(EventTypes.SITEPWRMON_LIMIT_APPROACHING_V1)
public record LimitApproachingV1(
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
