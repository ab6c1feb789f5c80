package io.depotops.schedule.application.plan;

import io.depotops.schedule.domain.problem.ScheduleProblem;
import io.depotops.schedule.domain.schedule.Schedule;
import java.time.Instant;
import java.util.UUID;

/**
 * A schedule kept for re-planning: each re-plan makes the next {@code version}; after {@code
 * expiresAt} it is no longer current (the caller plans afresh).
 */
public record Plan(
        UUID id,
        UUID workspaceId,
        long version,
        Instant createdAt,
        Instant expiresAt,
        ScheduleProblem problem,
        Schedule schedule,
        SolveOptions options) {}
