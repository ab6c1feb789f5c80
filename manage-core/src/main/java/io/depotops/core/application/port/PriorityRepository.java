package io.depotops.core.application.port;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Explicit charging priority levels of vehicles and groups. */
public interface PriorityRepository {

    enum Target {
        VEHICLE,
        GROUP
    }

    /** Sets the level, or clears it when {@code level} is empty. */
    void set(UUID workspaceId, Target target, UUID id, Optional<Integer> level);

    Map<UUID, Integer> levels(UUID workspaceId, Target target);
}
