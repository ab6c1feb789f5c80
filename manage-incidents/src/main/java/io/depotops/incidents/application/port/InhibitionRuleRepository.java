package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.inhibition.InhibitionRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workspace's own inhibition rules. In the caller's transaction. */
public interface InhibitionRuleRepository {

    /** {@code false} when the workspace has a rule of that name. */
    boolean insert(InhibitionRule rule, Instant createdAt);

    boolean delete(UUID workspaceId, UUID id);

    List<InhibitionRule> list(UUID workspaceId);
}
