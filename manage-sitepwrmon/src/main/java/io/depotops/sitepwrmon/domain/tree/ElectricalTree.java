package io.depotops.sitepwrmon.domain.tree;

import io.depotops.sitepwrmon.domain.Phase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of a site's tree, checked on every write against the site's nodes as stored: one root
 * per site and it is the grid connection; a parent exists in the same site and is not a charger;
 * no cycles; a charger names core's charger and its phases (each at most once), other nodes neither.
 */
public final class ElectricalTree {

    private final Map<UUID, PowerNode> nodes;

    /** The site's stored nodes (without the one being written, or with its stored version). */
    public ElectricalTree(List<PowerNode> siteNodes) {
        this.nodes = siteNodes.stream().collect(Collectors.toMap(PowerNode::id, Function.identity()));
    }

    public List<TreeViolation> check(PowerNode candidate) {
        List<TreeViolation> violations = new ArrayList<>();
        checkShape(candidate, violations);
        if (candidate.isRoot()) {
            if (candidate.kind() != NodeKind.GRID_CONNECTION) {
                violations.add(new TreeViolation("parentId", "only the grid connection may be a site's root"));
            }
            nodes.values().stream()
                    .filter(PowerNode::isRoot)
                    .filter(root -> !root.id().equals(candidate.id()))
                    .findFirst()
                    .ifPresent(root -> violations.add(new TreeViolation(
                            "parentId", "the site already has its root, node " + root.id() + "; name a parent")));
            return violations;
        }
        if (candidate.kind() == NodeKind.GRID_CONNECTION) {
            violations.add(new TreeViolation("parentId", "a grid connection is the site's root and has no parent"));
        }
        PowerNode parent = nodes.get(candidate.parentId());
        if (parent == null) {
            violations.add(new TreeViolation("parentId", "no node " + candidate.parentId() + " in this site"));
            return violations;
        }
        if (parent.kind() == NodeKind.CHARGER) {
            violations.add(new TreeViolation("parentId", "a charger has no nodes below it"));
        }
        if (leadsBackTo(parent, candidate.id())) {
            violations.add(new TreeViolation("parentId", "the node would be its own ancestor"));
        }
        return violations;
    }

    /** The node's ancestors from its parent up to the root (for the limits that bind it). */
    public List<PowerNode> ancestors(PowerNode node) {
        List<PowerNode> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        PowerNode current = node.parentId() == null ? null : nodes.get(node.parentId());
        while (current != null && seen.add(current.id())) {
            chain.add(current);
            current = current.parentId() == null ? null : nodes.get(current.parentId());
        }
        return chain;
    }

    /** Walks up by parent ids, so that a stored child of the candidate (not in the map) still counts. */
    private boolean leadsBackTo(PowerNode start, UUID target) {
        Set<UUID> seen = new HashSet<>();
        UUID current = start.id();
        while (current != null && seen.add(current)) {
            if (current.equals(target)) {
                return true;
            }
            PowerNode node = nodes.get(current);
            current = node == null ? null : node.parentId();
        }
        return false;
    }

    private static void checkShape(PowerNode node, List<TreeViolation> violations) {
        if (node.kind() == NodeKind.CHARGER) {
            if (node.chargerId() == null || node.chargerId().isBlank()) {
                violations.add(new TreeViolation("chargerId", "a charger node names core's charger"));
            }
            List<Phase> phases = node.chargerPhases();
            if (phases.isEmpty()) {
                violations.add(new TreeViolation("chargerPhases", "name the site phases the charger is wired to"));
            } else if (Set.copyOf(phases).size() != phases.size()) {
                violations.add(new TreeViolation("chargerPhases", "each phase at most once"));
            }
        } else {
            if (node.chargerId() != null) {
                violations.add(new TreeViolation("chargerId", "only a charger node names a charger"));
            }
            if (!node.chargerPhases().isEmpty()) {
                violations.add(new TreeViolation("chargerPhases", "only a charger node has a phase mapping"));
            }
        }
    }
}
