package io.depotops.core.domain.report;

import java.time.Instant;
import java.util.UUID;

/** One finished run of a definition for one cron time: READY with its report, or FAILED with the reason. */
public record ReportRun(
        UUID definitionId,
        Instant scheduledFor,
        String status,
        UUID reportId,
        int attempts,
        String error,
        Instant finishedAt) {}
