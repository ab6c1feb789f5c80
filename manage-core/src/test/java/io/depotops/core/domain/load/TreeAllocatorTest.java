package io.depotops.core.domain.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Worked cases of the tree allocator: phases, ancestors, re-offer, plan targets, reasons, bad trees. */
class TreeAllocatorTest {

    private static final Set<Phase> THREE = Set.of(Phase.L1, Phase.L2, Phase.L3);

    @Test
    void aSinglePhaseChargerOnL2LoadsOnlyL2() {
        PowerNode root = new PowerNode("grid", null, null, new PhaseAmps(100.0, 20.0, 100.0), 0, PhaseAmps.NONE);
        Connector onL2 = connector("grid", Set.of(Phase.L2), 32, 1, 0);
        Connector threePhase = connector("grid", THREE, 32, 1, 1);

        Map<SessionKey, ConnectorLimit> limits = TreeAllocator.allocate(List.of(root), List.of(onL2, threePhase), 1);

        // L2 has 20 A: both share it equally (10 A each), L1 and L3 keep their room.
        assertThat(limits.get(onL2.key()).amps()).isCloseTo(10, within(1e-6));
        assertThat(limits.get(threePhase.key()).amps()).isCloseTo(10, within(1e-6));
        assertThat(limits.get(threePhase.key()).bound())
                .isEqualTo(new Bound(Bound.Kind.NODE_PHASE, "grid", Phase.L2, false));
    }

    @Test
    void anAncestorBindsEvenWhenTheChildsLimitIsHigher() {
        PowerNode grid = new PowerNode("grid", null, 22.0, PhaseAmps.NONE, 0, PhaseAmps.NONE);
        PowerNode circuit = new PowerNode("c1", "grid", 100.0, PhaseAmps.of(100), 0, PhaseAmps.NONE);
        Connector a = connector("c1", THREE, 32, 1, 0);
        Connector b = connector("c1", THREE, 32, 1, 1);

        Map<SessionKey, ConnectorLimit> limits = TreeAllocator.allocate(List.of(grid, circuit), List.of(a, b), 1);

        assertThat(limits.get(a.key()).kw() + limits.get(b.key()).kw()).isCloseTo(22, within(1e-6));
        assertThat(limits.get(a.key()).bound().kind()).isEqualTo(Bound.Kind.NODE_POWER);
        assertThat(limits.get(a.key()).bound().nodeId()).isEqualTo("grid");
    }

    @Test
    void uncontrolledLoadIsTakenOffTheLimitAndAnOverloadedNodeOffersNothing() {
        PowerNode busy = new PowerNode("grid", null, 50.0, PhaseAmps.NONE, 60, PhaseAmps.NONE);
        Connector a = connector("grid", THREE, 32, 1, 0);

        ConnectorLimit limit =
                TreeAllocator.allocate(List.of(busy), List.of(a), 1).get(a.key());

        assertThat(limit.amps()).isZero();
        assertThat(limit.bound().kind()).isEqualTo(Bound.Kind.NO_ROOM_FOR_MINIMUM);
    }

    @Test
    void whatAConnectorDoesNotDrawIsReofferedToTheOthers() {
        PowerNode root = new PowerNode("grid", null, null, PhaseAmps.of(40), 0, PhaseAmps.NONE);
        Connector drawingLess = new Connector(key(), null, "grid", THREE, 230, 6, 32, null, 20.0, 8.0, null, 1, 0);
        Connector other = connector("grid", THREE, 32, 1, 1);

        Map<SessionKey, ConnectorLimit> limits = TreeAllocator.allocate(List.of(root), List.of(drawingLess, other), 1);

        assertThat(limits.get(drawingLess.key()).amps()).isCloseTo(9, within(1e-6));
        assertThat(limits.get(drawingLess.key()).bound().kind()).isEqualTo(Bound.Kind.DRAWING_LESS);
        assertThat(limits.get(other.key()).amps()).isCloseTo(31, within(1e-6));
    }

    @Test
    void aHigherTierFillsFirstAndTheLowerIsBoundByPriority() {
        PowerNode root = new PowerNode("grid", null, null, PhaseAmps.of(40), 0, PhaseAmps.NONE);
        Connector urgent = connector("grid", THREE, 32, 1, 0);
        Connector later = connector("grid", THREE, 32, 2, 1);

        Map<SessionKey, ConnectorLimit> limits = TreeAllocator.allocate(List.of(root), List.of(urgent, later), 1);

        assertThat(limits.get(urgent.key()).amps()).isCloseTo(32, within(1e-6));
        assertThat(limits.get(later.key()).amps()).isCloseTo(8, within(1e-6));
        assertThat(limits.get(later.key()).bound()).isEqualTo(new Bound(Bound.Kind.NODE_PHASE, "grid", Phase.L1, true));
    }

    @Test
    void aPlanTargetComesFirstInsideItsTierThenTheRestIsShared() {
        PowerNode root = new PowerNode("grid", null, null, PhaseAmps.of(40), 0, PhaseAmps.NONE);
        // 13.8 kW at 3 x 230 V is 20 A.
        Connector planned = new Connector(key(), null, "grid", THREE, 230, 6, 32, null, null, null, 13.8, 1, 1);
        Connector unplanned = connector("grid", THREE, 32, 1, 0);

        Map<SessionKey, ConnectorLimit> limits = TreeAllocator.allocate(List.of(root), List.of(planned, unplanned), 1);

        assertThat(limits.get(planned.key()).amps()).isCloseTo(20, within(1e-6));
        assertThat(limits.get(unplanned.key()).amps()).isCloseTo(20, within(1e-6));
    }

    @Test
    void aVehicleMaximumCapsTheConnector() {
        PowerNode root = new PowerNode("grid", null, null, PhaseAmps.NONE, 0, PhaseAmps.NONE);
        Connector slowVan = new Connector(key(), null, "grid", THREE, 230, 6, 32, 6.9, null, null, null, 1, 0);

        ConnectorLimit limit =
                TreeAllocator.allocate(List.of(root), List.of(slowVan), 1).get(slowVan.key());

        assertThat(limit.kw()).isCloseTo(6.9, within(1e-6));
        assertThat(limit.bound().kind()).isEqualTo(Bound.Kind.VEHICLE_MAXIMUM);
    }

    @Test
    void aMalformedTreeOrAConnectorOutsideItIsRefused() {
        PowerNode a = new PowerNode("a", "b", null, null, 0, null);
        PowerNode b = new PowerNode("b", "a", null, null, 0, null);
        Connector onA = connector("a", THREE, 32, 1, 0);
        PowerNode orphan = new PowerNode("x", "missing", null, null, 0, null);

        assertThatThrownBy(() -> TreeAllocator.allocate(List.of(a, b), List.of(onA), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> TreeAllocator.allocate(List.of(orphan), List.of(), 1))
                .hasMessageContaining("unknown parent");
        assertThatThrownBy(() -> TreeAllocator.allocate(List.of(a, a), List.of(), 1))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> TreeAllocator.allocate(List.of(), List.of(onA), 1))
                .hasMessageContaining("unknown node");
    }

    private static Connector connector(String node, Set<Phase> phases, double maxA, int tier, int rank) {
        return new Connector(key(), null, node, phases, 230, 6, maxA, null, null, null, null, tier, rank);
    }

    private static SessionKey key() {
        return new SessionKey(UUID.randomUUID(), 1);
    }
}
