package io.depotops.core.application.report;

import io.depotops.core.domain.report.ReportKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The rows of a report, read as a stream (a month of a large workspace never sits in memory). */
public interface ReportRows {

    /**
     * Hands each row (values in the order of {@link ReportKind#columns()}) to {@code sink}, in time
     * order; only the chargers of {@code depotId} when it is not null.
     */
    void stream(UUID workspaceId, ReportKind kind, Instant from, Instant to, UUID depotId, Consumer<List<Object>> sink);
}
