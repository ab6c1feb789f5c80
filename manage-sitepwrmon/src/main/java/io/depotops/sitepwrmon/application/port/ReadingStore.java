package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.reading.LimitState;
import io.depotops.sitepwrmon.domain.reading.NodeLive;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.reading.ReadingPoint;
import io.depotops.sitepwrmon.domain.reading.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The readings' time series, their rollups and each node's live value; in the caller's transaction. */
public interface ReadingStore {

    /**
     * Stores the readings not stored yet (a node's reading at a time it already has is a duplicate
     * and changes nothing), adds the new ones to the rollups, and moves each node's live value to
     * its newest new reading when that is newer than the live one.
     *
     * @return the new readings' count and the nodes whose live value moved, with that value
     */
    IngestOutcome store(List<Reading> readings, Instant receivedAt);

    record IngestOutcome(int stored, List<NodeLive> advanced) {}

    Page<ReadingPoint> series(UUID nodeId, Instant from, Instant to, Resolution resolution, String cursor, int limit);

    Optional<NodeLive> live(UUID nodeId);

    /** Sets the node's limit state; answers the previous one. */
    LimitState limitState(UUID nodeId, LimitState state);

    /** Claims the node's load event for {@code now} unless one was sent less than {@code minGap} ago. */
    boolean claimLoadEvent(UUID nodeId, Instant now, java.time.Duration minGap);

    /** Creates the daily partitions of the raw series from {@code from} to {@code to}, both included. */
    List<String> ensurePartitions(LocalDate from, LocalDate to);

    /** Drops the daily partitions that end on or before {@code day}; answers their names. */
    List<String> dropPartitionsBefore(LocalDate day);

    /** Deletes rollup buckets that start before {@code before}; answers how many. */
    int deleteRollupsBefore(Instant before);

    List<String> partitions();
}
