package io.depotops.contracts.events.sitepwrmon;

import io.depotops.contracts.events.EventType;
import io.depotops.contracts.events.EventTypes;
import java.time.Instant;

/**
 * {@code sitepwrmon.node-load.v1}: the load a node's meter measured at {@code measuredAt} and what is
 * left below its limits. {@code limitKw} is the binding power limit at that time (the node's own or a
 * lower external limit signal); {@code headroomKw} and {@code headroomA} are limit minus load
 * (negative when exceeded). At most one per node per second.
 */
@EventType(EventTypes.SITEPWRMON_NODE_LOAD_V1)
public record NodeLoadV1(
        String nodeId,
        String workspaceId,
        String siteId,
        String meterId,
        Instant measuredAt,
        double loadKw,
        PhaseAmpsV1 currentA,
        Double limitKw,
        PhaseAmpsV1 limitA,
        Double headroomKw,
        PhaseAmpsV1 headroomA,
        String limitSignalId,
        String state) {}
