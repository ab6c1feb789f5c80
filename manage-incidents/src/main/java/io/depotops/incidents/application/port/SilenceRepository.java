package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.silence.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A workspace's silences. In the caller's transaction. */
public interface SilenceRepository {

    void insert(Silence silence);

    /** Writes a silence's new window. */
    void update(Silence silence);

    boolean delete(UUID workspaceId, UUID id);

    Optional<Silence> find(UUID workspaceId, UUID id);

    /** Every silence of the workspace, newest first. */
    List<Silence> list(UUID workspaceId);

    /** The silences of the workspace whose window holds {@code now}. */
    List<Silence> activeAt(UUID workspaceId, Instant now);
}
