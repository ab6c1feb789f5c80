package io.depotops.core.domain.load;

/**
 * Why a connector got what it got: its own maximum ({@code CHARGER_MAXIMUM}, {@code
 * VEHICLE_MAXIMUM}, {@code DRAWING_LESS} when it drew less than offered and the rest went to
 * others), a node's limit ({@code NODE_POWER}, {@code NODE_PHASE} with the phase), or no room for
 * the charger's minimum at a node ({@code NO_ROOM_FOR_MINIMUM}: it gets 0). {@code
 * byHigherPriority} says that a connector of a higher-priority tier under the same node limit got
 * more: priority, not only the limit, kept this one lower.
 */
public record Bound(Kind kind, String nodeId, Phase phase, boolean byHigherPriority) {

    public enum Kind {
        CHARGER_MAXIMUM,
        VEHICLE_MAXIMUM,
        DRAWING_LESS,
        NODE_POWER,
        NODE_PHASE,
        NO_ROOM_FOR_MINIMUM
    }

    static Bound own(Kind kind) {
        return new Bound(kind, null, null, false);
    }
}
