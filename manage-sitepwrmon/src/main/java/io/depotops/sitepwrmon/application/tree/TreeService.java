package io.depotops.sitepwrmon.application.tree;

import io.depotops.sitepwrmon.application.ConflictException;
import io.depotops.sitepwrmon.application.InvalidInputException;
import io.depotops.sitepwrmon.application.InvalidInputException.FieldProblem;
import io.depotops.sitepwrmon.application.NotFoundException;
import io.depotops.sitepwrmon.application.StaleVersionException;
import io.depotops.sitepwrmon.application.port.NodeRepository;
import io.depotops.sitepwrmon.application.port.NodeRepository.DuplicateChargerException;
import io.depotops.sitepwrmon.domain.Page;
import io.depotops.sitepwrmon.domain.tree.ElectricalTree;
import io.depotops.sitepwrmon.domain.tree.PowerNode;
import io.depotops.sitepwrmon.domain.tree.TreeViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The electrical trees of a workspace's sites: each write locks the site's tree, checks the whole
 * tree's rules ({@link ElectricalTree}) and is versioned.
 */
@ApplicationScoped
public class TreeService {

    private final NodeRepository nodes;
    private final Clock clock;

    TreeService(NodeRepository nodes, Clock clock) {
        this.nodes = nodes;
        this.clock = clock;
    }

    @Transactional
    public PowerNode create(UUID workspaceId, NodeDraft draft) {
        nodes.lockSite(workspaceId, draft.siteId());
        Instant now = clock.instant();
        PowerNode node = node(UUID.randomUUID(), workspaceId, draft, now, now, 1);
        check(workspaceId, node);
        try {
            nodes.insert(node);
        } catch (DuplicateChargerException e) {
            throw duplicateCharger(draft);
        }
        return node;
    }

    @Transactional
    public PowerNode get(UUID workspaceId, UUID id) {
        return nodes.find(workspaceId, id).orElseThrow(() -> new NotFoundException("node", id));
    }

    @Transactional
    public Page<PowerNode> list(UUID workspaceId, UUID siteId, String cursor, int limit) {
        return nodes.list(workspaceId, siteId, cursor, limit);
    }

    @Transactional
    public PowerNode update(UUID workspaceId, UUID id, long expectedVersion, NodeDraft draft) {
        PowerNode current = get(workspaceId, id);
        nodes.lockSite(workspaceId, current.siteId());
        if (!current.siteId().equals(draft.siteId())) {
            throw new InvalidInputException("siteId", "a node stays in its site; delete it and create it there");
        }
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("node", current.version());
        }
        PowerNode next = node(id, workspaceId, draft, current.createdAt(), clock.instant(), current.version() + 1);
        check(workspaceId, next);
        if (next.kind() == current.kind() || !nodes.hasChildren(workspaceId, id)) {
            try {
                if (!nodes.update(next, expectedVersion)) {
                    throw new StaleVersionException("node", get(workspaceId, id).version());
                }
            } catch (DuplicateChargerException e) {
                throw duplicateCharger(draft);
            }
            return next;
        }
        throw new ConflictException("kind", "a node with nodes below it keeps its kind");
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        PowerNode current = get(workspaceId, id);
        nodes.lockSite(workspaceId, current.siteId());
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("node", current.version());
        }
        if (nodes.hasChildren(workspaceId, id)) {
            throw new ConflictException(null, "the node has nodes or a meter below it; delete or move them first");
        }
        if (!nodes.delete(workspaceId, id, expectedVersion)) {
            throw new StaleVersionException("node", get(workspaceId, id).version());
        }
    }

    private void check(UUID workspaceId, PowerNode node) {
        List<PowerNode> others = nodes.site(workspaceId, node.siteId()).stream()
                .filter(n -> !n.id().equals(node.id()))
                .toList();
        List<TreeViolation> violations = new ElectricalTree(others).check(node);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new FieldProblem(v.field(), v.message()))
                    .toList());
        }
    }

    private static ConflictException duplicateCharger(NodeDraft draft) {
        return new ConflictException("chargerId", "charger " + draft.chargerId() + " is on another node already");
    }

    private static PowerNode node(
            UUID id, UUID workspaceId, NodeDraft draft, Instant createdAt, Instant updatedAt, long version) {
        return new PowerNode(
                id,
                workspaceId,
                draft.siteId(),
                draft.parentId(),
                draft.kind(),
                draft.name(),
                draft.limitKw(),
                draft.limitA(),
                draft.voltageV(),
                draft.chargerId(),
                draft.chargerPhases(),
                createdAt,
                updatedAt,
                version);
    }
}
