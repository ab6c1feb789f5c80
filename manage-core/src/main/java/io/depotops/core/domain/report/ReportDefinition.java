package io.depotops.core.domain.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report a workspace wants on a schedule: what ({@code kind}, {@code format}, the depot it is
 * about), which period ({@code period} before each due time), when ({@code cron} in the depot's
 * zone) and who is told ({@code recipients}). {@code schedule} is where its runs stand.
 */
public record ReportDefinition(
        UUID id,
        UUID workspaceId,
        UUID depotId,
        String name,
        ReportKind kind,
        ReportFormat format,
        ReportPeriod period,
        String cron,
        List<String> recipients,
        boolean enabled,
        ScheduleState schedule,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The run in progress: {@code scheduledFor} is the cron time being served, {@code dueAt} when
     * it is next tried (later than scheduledFor after a failed attempt), {@code attempt} the
     * failed attempts so far; then the outcome of the last finished run.
     */
    public record ScheduleState(
            Instant scheduledFor,
            Instant dueAt,
            int attempt,
            Instant lastRunAt,
            String lastStatus,
            UUID lastReportId,
            String lastError) {}
}
