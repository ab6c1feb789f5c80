package io.depotops.sim.application.port;

import io.depotops.sim.application.run.RunRecord;
import io.depotops.sim.domain.engine.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs and the reports they leave. */
public interface RunRepository {

    void insert(RunRecord run);

    void updateState(UUID id, String state);

    void finish(UUID id, String state, Instant endedAt, RunReport report);

    Optional<RunRecord> find(UUID workspaceId, UUID id);

    List<RunRecord> list(UUID workspaceId);

    /** Runs a previous process left unfinished are INTERRUPTED (their engine was in that memory). */
    int interruptUnfinished(Instant at);
}
