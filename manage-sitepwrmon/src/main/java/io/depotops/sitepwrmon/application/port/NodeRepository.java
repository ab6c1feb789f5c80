package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The nodes of the sites' electrical trees; every call runs in the caller's transaction. */
public interface NodeRepository {

    /** Serialises writes to one site's tree until the transaction ends (the tree rules read it whole). */
    void lockSite(UUID workspaceId, UUID siteId);

    List<PowerNode> site(UUID workspaceId, UUID siteId);

    Optional<PowerNode> find(UUID workspaceId, UUID id);

    /** Nodes by id, any workspace (for readings, whose meter already names the workspace). */
    List<PowerNode> findAll(List<UUID> ids);

    Page<PowerNode> list(UUID workspaceId, UUID siteId, String cursor, int limit);

    /** Whether nodes or a meter hang below the node. */
    boolean hasChildren(UUID workspaceId, UUID id);

    /** @throws DuplicateChargerException when the charger is placed on another node already */
    void insert(PowerNode node);

    /** @return false when the stored version is not {@code expectedVersion} */
    boolean update(PowerNode node, long expectedVersion);

    boolean delete(UUID workspaceId, UUID id, long expectedVersion);

    /** Another node of the workspace names the same charger. */
    class DuplicateChargerException extends RuntimeException {
        public DuplicateChargerException() {
            super("charger placed twice", null, false, false);
        }
    }
}
