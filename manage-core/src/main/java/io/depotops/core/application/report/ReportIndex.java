package io.depotops.core.application.report;

import io.depotops.core.domain.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The index of generated reports (DynamoDB): what exists per workspace, and its state. */
public interface ReportIndex {

    void save(Report report);

    /** The workspace's reports, newest period first within each kind. */
    List<Report> list(UUID workspaceId);

    Optional<Report> find(UUID workspaceId, UUID id);

    /** Up to {@code limit} reports of any workspace and status created before {@code cutoff}, oldest first. */
    List<Report> createdBefore(Instant cutoff, int limit);

    void delete(Report report);
}
