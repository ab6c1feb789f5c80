package io.depotops.core.application.port;

import io.depotops.core.application.ListQuery;
import io.depotops.core.domain.ChargerCommand;
import io.depotops.core.domain.Page;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface CommandStore {

    ChargerCommand insert(ChargerCommand command);

    Optional<ChargerCommand> find(UUID workspaceId, UUID id);

    Page<ChargerCommand> list(UUID workspaceId, ListQuery query);

    /** Records the outcome of a pending command; false when it had ended already (or is unknown). */
    boolean complete(UUID id, String status, String detail, Map<String, Object> response, Instant at);

    /** Closes pending commands whose deadline passed as TIMED_OUT; returns how many. */
    int expire(Instant now);
}
