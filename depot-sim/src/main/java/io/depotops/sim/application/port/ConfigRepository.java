package io.depotops.sim.application.port;

import io.depotops.sim.application.config.StoredConfig;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Configs of a workspace, every version kept. */
public interface ConfigRepository {

    void insert(StoredConfig config);

    /** Adds {@code config.version()} if the current version is still {@code config.version() - 1}. */
    boolean addVersion(StoredConfig config);

    /** The current version. */
    Optional<StoredConfig> find(UUID workspaceId, UUID id);

    Optional<StoredConfig> find(UUID workspaceId, UUID id, int version);

    /** Current versions, by name. */
    List<StoredConfig> list(UUID workspaceId);
}
