package io.depotops.core.application.report;

import io.depotops.core.domain.report.ReportDefinition;
import io.depotops.core.domain.report.ReportRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Report definitions and their runs (PostgreSQL), including the claim of due ones across instances. */
public interface ReportDefinitions {

    /** The depot's time zone, if the depot is the workspace's. */
    Optional<ZoneId> depotZone(UUID workspaceId, UUID depotId);

    /** @throws io.depotops.core.application.ConflictException when the workspace has one of that name */
    ReportDefinition insert(ReportDefinition definition);

    /** @throws io.depotops.core.application.StaleVersionException when the version moved on */
    ReportDefinition update(ReportDefinition definition, long expectedVersion);

    void delete(UUID workspaceId, UUID id, long expectedVersion);

    Optional<ReportDefinition> find(UUID workspaceId, UUID id);

    List<ReportDefinition> list(UUID workspaceId);

    List<ReportRun> runs(UUID definitionId, int limit);

    /**
     * Leases up to {@code limit} enabled definitions due at {@code now} to {@code owner} (rows
     * another instance holds are skipped, not waited for); answers the claimed ones.
     */
    List<ReportDefinition> claimDue(String owner, Instant now, Duration lease, int limit);

    /**
     * Ends the run of {@code scheduledFor} (READY or FAILED) and moves the definition to
     * {@code next} (null: the expression never fires again); false when this owner no longer
     * holds the lease or the run was already recorded (nothing changed then).
     */
    boolean finishRun(String owner, ReportDefinition definition, ReportRun run, Instant next);

    /** Keeps the cron time, counts the failed attempt and tries again at {@code retryAt}. */
    boolean retryLater(String owner, ReportDefinition definition, String error, Instant retryAt);
}
