package io.depotops.sitepwrmon.domain.tree;

import io.depotops.sitepwrmon.domain.Phase;
import io.depotops.sitepwrmon.domain.PhaseValues;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A node of a site's electrical tree: its place ({@code parentId}, {@code null} for the site's
 * root), its limits (power in kW and current per phase in A, each optional; a child's limit may be
 * above its parent's, the parent's still binds) and its nominal phase-to-neutral voltage. A charger
 * node names core's charger and which site phases it is wired to, in the charger's phase order: a
 * single-phase charger on L2 is {@code [L2]}, a rotated three-phase one {@code [L2, L3, L1]}.
 */
public record PowerNode(
        UUID id,
        UUID workspaceId,
        UUID siteId,
        UUID parentId,
        NodeKind kind,
        String name,
        Double limitKw,
        PhaseValues limitA,
        double voltageV,
        String chargerId,
        List<Phase> chargerPhases,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public PowerNode {
        limitA = limitA == null ? PhaseValues.NONE : limitA;
        chargerPhases = chargerPhases == null ? List.of() : List.copyOf(chargerPhases);
    }

    public boolean isRoot() {
        return parentId == null;
    }
}
