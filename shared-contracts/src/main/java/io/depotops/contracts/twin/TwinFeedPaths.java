package io.depotops.contracts.twin;

/**
 * Where digital-twin reads a depot's initial state from core: core's internal listener (ADR 0008),
 * called with digital-twin's service token.
 */
public final class TwinFeedPaths {

    public static final String BASE = "/internal/v1/twin";

    /** Every depot core knows, as {@link DepotRefV1}s. */
    public static final String DEPOTS = "/depots";

    /** One depot's {@link DepotSnapshotV1}; 404 when core has no such depot in that workspace. */
    public static final String DEPOT = "/workspaces/{workspaceId}/depots/{depotId}";

    private TwinFeedPaths() {}
}
