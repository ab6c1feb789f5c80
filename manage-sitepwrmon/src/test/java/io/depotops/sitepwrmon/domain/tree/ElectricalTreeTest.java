package io.depotops.sitepwrmon.domain.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.sitepwrmon.domain.Phase;
import io.depotops.sitepwrmon.domain.PhaseValues;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ElectricalTreeTest {

    private static final UUID WS = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();

    private static PowerNode node(UUID id, UUID parent, NodeKind kind) {
        return new PowerNode(
                id,
                WS,
                SITE,
                parent,
                kind,
                kind.name(),
                null,
                PhaseValues.NONE,
                230,
                null,
                List.of(),
                Instant.now(),
                Instant.now(),
                1);
    }

    @Test
    void aMoveBelowOwnDescendantIsACycleEvenThreeLevelsDown() {
        UUID root = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        ElectricalTree tree = new ElectricalTree(List.of(
                node(root, null, NodeKind.GRID_CONNECTION),
                node(b, a, NodeKind.SWITCHBOARD),
                node(c, b, NodeKind.CIRCUIT)));
        assertThat(tree.check(node(a, c, NodeKind.SWITCHBOARD)))
                .extracting(TreeViolation::message)
                .contains("the node would be its own ancestor");
        assertThat(tree.check(node(a, root, NodeKind.SWITCHBOARD))).isEmpty();
    }

    @Test
    void aChargerNeedsItsChargerAndPhasesAndOnlyAChargerHasThem() {
        UUID root = UUID.randomUUID();
        ElectricalTree tree = new ElectricalTree(List.of(node(root, null, NodeKind.GRID_CONNECTION)));
        PowerNode circuitWithPhases = new PowerNode(
                UUID.randomUUID(),
                WS,
                SITE,
                root,
                NodeKind.CIRCUIT,
                "c",
                null,
                null,
                230,
                "CP-1",
                List.of(Phase.L1),
                null,
                null,
                1);
        assertThat(tree.check(circuitWithPhases))
                .extracting(TreeViolation::field)
                .containsExactlyInAnyOrder("chargerId", "chargerPhases");
        PowerNode singlePhase = new PowerNode(
                UUID.randomUUID(),
                WS,
                SITE,
                root,
                NodeKind.CHARGER,
                "c",
                7.4,
                null,
                230,
                "CP-1",
                List.of(Phase.L2),
                null,
                null,
                1);
        assertThat(tree.check(singlePhase)).isEmpty();
        assertThat(tree.ancestors(singlePhase)).extracting(PowerNode::id).containsExactly(root);
    }
}
