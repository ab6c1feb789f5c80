package io.depotops.core.application.port;

import io.depotops.core.domain.TelematicsObservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Canonical telematics: the history of accepted observations and each vehicle's snapshot. */
public interface TelematicsStore {

    /** Adds to the history; false when this update id was already recorded for the vehicle. */
    boolean record(UUID workspaceId, UUID vehicleId, TelematicsObservation observation);

    /** Replaces the vehicle's snapshot if the observation is newer; true when it did. */
    boolean advanceSnapshot(UUID workspaceId, UUID vehicleId, TelematicsObservation observation);

    /** An observation of a vehicle, for the batch operations. */
    record Entry(UUID workspaceId, UUID vehicleId, TelematicsObservation observation) {}

    /** {@link #record} for each entry in order, with one round trip; true where it was new. */
    List<Boolean> recordAll(List<Entry> entries);

    /** {@link #advanceSnapshot} for each entry in order, with one round trip; true where it advanced. */
    List<Boolean> advanceSnapshots(List<Entry> entries);

    Optional<Snapshot> snapshot(UUID vehicleId);

    /** Snapshots of the given vehicles (those that have one). */
    List<Snapshot> snapshots(List<UUID> vehicleIds);

    List<TelematicsObservation> history(UUID vehicleId, Instant from, Instant to, int limit);

    void reject(String workspaceId, String provider, String deviceId, String updateId, String reason);

    /**
     * Marks as notified, and returns, up to {@code limit} snapshots older than {@code staleBefore}
     * that were not notified yet (a new observation clears the mark).
     */
    List<Snapshot> markStale(Instant staleBefore, int limit);

    record Snapshot(UUID vehicleId, Instant receivedAt, TelematicsObservation observation) {}
}
