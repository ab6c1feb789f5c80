package io.depotops.core.application.load;

import io.depotops.core.domain.load.SessionKey;
import io.depotops.core.domain.load.SiteMeasurement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What load management keeps: node loads, the limits sent, each site's last allocation. */
public interface LoadManagementStore {

    /** A site's active session as stored: its EVSE, vehicle, the most it may take, its last power. */
    record ActiveSession(SessionKey key, UUID vehicleId, double maxKw, double drawKw) {}

    record SentLimit(double limitKw, Instant sentAt) {}

    record ManagedSite(UUID workspaceId, UUID siteId) {}

    /**
     * Keeps the node's load if it is newer than the one stored; false when the site is not one of
     * the workspace's.
     */
    boolean recordNodeLoad(UUID workspaceId, UUID siteId, SiteMeasurement load);

    /** Serialises allocations of one site until the transaction ends. */
    void lockSite(UUID siteId);

    List<SiteMeasurement> nodeLoads(UUID siteId);

    List<ActiveSession> activeSessions(UUID workspaceId, UUID siteId);

    Map<SessionKey, SentLimit> sentLimits(UUID siteId);

    void recordSent(SessionKey key, double limitKw, Instant at, UUID commandId);

    void saveAllocation(UUID workspaceId, UUID siteId, Instant at, AllocationView allocation);

    Optional<AllocationView> allocation(UUID workspaceId, UUID siteId);

    /** Appends an allocation to the site's history. */
    void appendHistory(UUID workspaceId, UUID siteId, Instant at, AllocationView allocation);

    /** The site's history from {@code from} to {@code to} (exclusive), newest first, at most {@code limit}. */
    List<AllocationView> history(UUID workspaceId, UUID siteId, Instant from, Instant to, int limit);

    /** Sites that reported a node load at least once: the periodic pass re-allocates them. */
    List<ManagedSite> managedSites();
}
