package io.depotops.incidents.application.port;

import io.depotops.incidents.domain.rule.IncidentRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A workspace's incident rules. */
public interface RuleRepository {

    /** Stores a new rule; {@code false} when the workspace already has a rule of that name. */
    boolean insert(IncidentRule rule);

    Optional<IncidentRule> find(UUID workspaceId, UUID id);

    /** The event types any rule of any workspace reads. */
    Set<String> eventTypesInUse();

    /** Every rule of the workspace, by name. */
    List<IncidentRule> list(UUID workspaceId);

    /**
     * Replaces the rule when its stored version is {@code expectedVersion}; {@code false} when it
     * is not (changed meanwhile). Throws {@link DuplicateNameException} for a name already taken.
     */
    boolean update(IncidentRule rule, long expectedVersion);

    /** Deletes the rule when its stored version is {@code expectedVersion}. */
    boolean delete(UUID workspaceId, UUID id, long expectedVersion);

    /** Another rule of the workspace already has the name. */
    class DuplicateNameException extends RuntimeException {
        public DuplicateNameException() {
            super("a rule of this name exists", null, false, false);
        }
    }
}
