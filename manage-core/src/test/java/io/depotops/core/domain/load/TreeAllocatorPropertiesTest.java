package io.depotops.core.domain.load;

import static io.depotops.core.domain.load.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The tree allocator's invariants over random trees (up to 5 levels), limits on power and on each
 * phase (or none), uncontrolled loads (some above their limit), single- and three-phase connectors,
 * vehicle maximums, connectors drawing less than offered, plan targets and priorities. Cases come from
 * a fixed seed per property (plus hand-made boundary trees), so a failure names a repeatable case.
 */
class TreeAllocatorPropertiesTest {

    private static final double TOLERANCE = 1e-4;
    private static final double REOFFER_MARGIN_A = 1.0;

    record Scenario(List<PowerNode> nodes, List<Connector> connectors) {}

    @Test
    void noNodeLimitIsExceededOnAnyPhaseOrOnPower() {
        check("no node limit exceeded", 0x7EE_0001L, 1500, scenario -> {
            Map<SessionKey, ConnectorLimit> limits = allocate(scenario);

            for (PowerNode node : scenario.nodes()) {
                List<Connector> below = below(node, scenario);
                if (node.availableKw() != null) {
                    double kw = below.stream()
                            .mapToDouble(c -> limits.get(c.key()).kw())
                            .sum();
                    assertThat(kw)
                            .as("power below %s", node.id())
                            .isLessThanOrEqualTo(Math.max(0, node.availableKw()) + TOLERANCE);
                }
                for (Phase phase : Phase.values()) {
                    Double available = node.availableA(phase);
                    if (available == null) {
                        continue;
                    }
                    double amps = below.stream()
                            .filter(c -> c.phases().contains(phase))
                            .mapToDouble(c -> limits.get(c.key()).amps())
                            .sum();
                    assertThat(amps)
                            .as("%s below %s", phase, node.id())
                            .isLessThanOrEqualTo(Math.max(0, available) + TOLERANCE);
                }
            }
        });
    }

    @Test
    void everyConnectorGetsNothingOrAtLeastItsMinimumAndAtMostItsMaximum() {
        check("nothing or between minimum and maximum", 0x7EE_0002L, 1500, scenario -> {
            Map<SessionKey, ConnectorLimit> limits = allocate(scenario);

            for (Connector connector : scenario.connectors()) {
                double amps = limits.get(connector.key()).amps();
                double minimum = Math.min(connector.minA(), connector.maxA());
                assertThat(amps).isLessThanOrEqualTo(connector.maxA() + TOLERANCE);
                if (amps > TOLERANCE) {
                    assertThat(amps).as("offered below its minimum").isGreaterThanOrEqualTo(minimum - TOLERANCE);
                }
            }
        });
    }

    @Test
    void noPowerIsLeftUnofferedWhileAConnectorWantsMoreAndNoLimitBinds() {
        check("no power left unoffered", 0x7EE_0003L, 1500, scenario -> {
            Map<SessionKey, ConnectorLimit> limits = allocate(scenario);

            for (Connector connector : scenario.connectors()) {
                double amps = limits.get(connector.key()).amps();
                double wanted = wantedMaximum(connector);
                if (amps >= wanted - TOLERANCE) {
                    continue;
                }
                // It wants more: some node above it must have no room for a step up (or, at 0, for its
                // minimum).
                double step = amps > TOLERANCE
                        ? TOLERANCE
                        : Math.max(TOLERANCE, Math.min(connector.minA(), connector.maxA()));
                boolean limited = pathOf(connector, scenario).stream()
                        .anyMatch(node -> !roomFor(node, connector, step, limits, scenario));
                assertThat(limited)
                        .as(
                                "%s got %.3f A of %.3f wanted, bound %s, yet no limit binds",
                                connector.key(),
                                amps,
                                wanted,
                                limits.get(connector.key()).bound())
                        .isTrue();
            }
        });
    }

    @Test
    void higherPriorityNeverGetsLessThanLowerUnderTheSameConstraints() {
        check("priority respected", 0x7EE_0004L, 1500, scenario -> {
            Map<SessionKey, ConnectorLimit> limits = allocate(scenario);

            for (Connector a : scenario.connectors()) {
                for (Connector b : scenario.connectors()) {
                    if (a != b && sameConstraints(a, b) && higherPriority(a, b)) {
                        assertThat(limits.get(a.key()).amps())
                                .as("%s (tier %d) against %s (tier %d)", a.key(), a.tier(), b.key(), b.tier())
                                .isGreaterThanOrEqualTo(limits.get(b.key()).amps() - TOLERANCE);
                    }
                }
            }
        });
    }

    @Test
    void everyConnectorIsGivenAReason() {
        check("every connector has a reason", 0x7EE_0005L, 300, scenario -> {
            Map<SessionKey, ConnectorLimit> limits = allocate(scenario);

            assertThat(limits).hasSize(scenario.connectors().size());
            assertThat(limits.values())
                    .allSatisfy(limit -> assertThat(limit.bound()).isNotNull());
        });
    }

    private static void check(String property, long seed, int cases, Consumer<Scenario> invariant) {
        forAll(property, seed, cases, boundaryScenarios(), TreeAllocatorPropertiesTest::scenario, invariant);
    }

    /** Edges the random trees reach only by luck: no connectors, zero limits, loads above limits, no limits. */
    private static List<Scenario> boundaryScenarios() {
        SplittableRandom random = new SplittableRandom(0x7EE_0000L);
        PowerNode unlimited = new PowerNode("n0", null, null, PhaseAmps.NONE, 0, PhaseAmps.NONE);
        PowerNode zero = new PowerNode("n0", null, 0.0, PhaseAmps.of(0), 0, PhaseAmps.NONE);
        PowerNode overloaded = new PowerNode("n0", null, 20.0, PhaseAmps.of(32), 40, PhaseAmps.of(60));
        PowerNode oneTightPhase = new PowerNode("n0", null, null, new PhaseAmps(null, 6.0, null), 0, PhaseAmps.NONE);
        PowerNode child = new PowerNode("n1", "n0", 11.0, PhaseAmps.of(16), 0, PhaseAmps.NONE);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario(List.of(unlimited), List.of()));
        for (PowerNode root : List.of(unlimited, zero, overloaded, oneTightPhase)) {
            List<Connector> connectors = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                connectors.add(connector(random, i % 2 == 0 ? "n0" : "n1", i));
            }
            scenarios.add(new Scenario(List.of(root, child), connectors));
        }
        return scenarios;
    }

    private static Scenario scenario(SplittableRandom random) {
        int nodeCount = 1 + random.nextInt(12);
        List<PowerNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            String parent = i == 0 ? null : "n" + random.nextInt(i);
            nodes.add(new PowerNode(
                    "n" + i,
                    parent,
                    random.nextInt(4) == 0 ? null : 5.0 + random.nextInt(200),
                    new PhaseAmps(amps(random), amps(random), amps(random)),
                    random.nextInt(3) == 0 ? 0 : random.nextDouble() * 40,
                    new PhaseAmps(load(random), load(random), load(random))));
        }
        List<Connector> connectors = new ArrayList<>();
        int connectorCount = random.nextInt(25);
        for (int i = 0; i < connectorCount; i++) {
            connectors.add(connector(random, "n" + random.nextInt(nodeCount), i));
        }
        // Twins: copies under the same constraints at another priority, for the priority invariant.
        int twins = connectors.isEmpty() ? 0 : random.nextInt(4);
        for (int i = 0; i < twins; i++) {
            Connector original = connectors.get(random.nextInt(connectors.size()));
            connectors.add(new Connector(
                    new SessionKey(uuid(random), 1),
                    uuid(random),
                    original.nodeId(),
                    original.phases(),
                    original.voltageV(),
                    original.minA(),
                    original.maxA(),
                    original.vehicleMaxKw(),
                    original.offeredA(),
                    original.drawA(),
                    original.planTargetKw(),
                    1 + random.nextInt(4),
                    random.nextInt(60)));
        }
        return new Scenario(nodes, connectors);
    }

    private static Connector connector(SplittableRandom random, String nodeId, int index) {
        Set<Phase> phases =
                random.nextBoolean() ? Set.of(Phase.L1, Phase.L2, Phase.L3) : Set.of(Phase.values()[random.nextInt(3)]);
        double maxA = 6 + random.nextInt(58);
        Double offered = random.nextInt(3) == 0 ? null : random.nextDouble() * maxA;
        Double draw = offered == null || random.nextBoolean() ? null : random.nextDouble() * offered;
        return new Connector(
                new SessionKey(uuid(random), 1 + random.nextInt(2)),
                uuid(random),
                nodeId,
                phases,
                random.nextInt(5) == 0 ? 120 : 230,
                random.nextInt(5) == 0 ? random.nextInt(6) : 6,
                maxA,
                random.nextInt(3) == 0 ? 1.0 + random.nextInt(150) : null,
                offered,
                draw,
                random.nextInt(3) == 0 ? random.nextDouble() * 40 : null,
                1 + random.nextInt(4),
                index);
    }

    /** Drawn from the case's random, not {@link UUID#randomUUID()}, so a case is repeatable. */
    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static Double amps(SplittableRandom random) {
        return random.nextInt(3) == 0 ? null : 6.0 + random.nextInt(150);
    }

    private static Double load(SplittableRandom random) {
        return random.nextInt(3) == 0 ? null : random.nextDouble() * 60;
    }

    private static Map<SessionKey, ConnectorLimit> allocate(Scenario scenario) {
        return TreeAllocator.allocate(scenario.nodes(), scenario.connectors(), REOFFER_MARGIN_A);
    }

    /** The maximum as the allocator's documentation defines it, computed independently here. */
    private static double wantedMaximum(Connector connector) {
        double kwPerAmp = connector.voltageV() * connector.phases().size() / 1000.0;
        double cap = connector.maxA();
        if (connector.vehicleMaxKw() != null) {
            cap = Math.min(cap, connector.vehicleMaxKw() / kwPerAmp);
        }
        if (connector.offeredA() != null
                && connector.drawA() != null
                && connector.drawA() < connector.offeredA() - REOFFER_MARGIN_A) {
            cap = Math.min(cap, connector.drawA() + REOFFER_MARGIN_A);
        }
        return Math.max(Math.min(connector.minA(), connector.maxA()), cap);
    }

    private static boolean roomFor(
            PowerNode node,
            Connector connector,
            double amps,
            Map<SessionKey, ConnectorLimit> limits,
            Scenario scenario) {
        List<Connector> below = below(node, scenario);
        if (node.availableKw() != null) {
            double used =
                    below.stream().mapToDouble(c -> limits.get(c.key()).kw()).sum();
            double more = amps * connector.voltageV() * connector.phases().size() / 1000.0;
            if (used + more > node.availableKw() + 1e-9) {
                return false;
            }
        }
        for (Phase phase : connector.phases()) {
            Double available = node.availableA(phase);
            if (available == null) {
                continue;
            }
            double used = below.stream()
                    .filter(c -> c.phases().contains(phase))
                    .mapToDouble(c -> limits.get(c.key()).amps())
                    .sum();
            if (used + amps > available + 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static List<PowerNode> pathOf(Connector connector, Scenario scenario) {
        Map<String, PowerNode> byId = byId(scenario);
        List<PowerNode> path = new ArrayList<>();
        for (String id = connector.nodeId(); id != null; id = byId.get(id).parentId()) {
            path.add(byId.get(id));
        }
        return path;
    }

    private static List<Connector> below(PowerNode node, Scenario scenario) {
        return scenario.connectors().stream()
                .filter(c -> pathOf(c, scenario).stream().anyMatch(n -> n.id().equals(node.id())))
                .toList();
    }

    private static Map<String, PowerNode> byId(Scenario scenario) {
        Map<String, PowerNode> byId = new HashMap<>();
        scenario.nodes().forEach(node -> byId.put(node.id(), node));
        return byId;
    }

    private static boolean sameConstraints(Connector a, Connector b) {
        return a.nodeId().equals(b.nodeId())
                && a.phases().equals(b.phases())
                && a.voltageV() == b.voltageV()
                && a.minA() == b.minA()
                && a.maxA() == b.maxA()
                && java.util.Objects.equals(a.vehicleMaxKw(), b.vehicleMaxKw())
                && java.util.Objects.equals(a.offeredA(), b.offeredA())
                && java.util.Objects.equals(a.drawA(), b.drawA())
                && java.util.Objects.equals(a.planTargetKw(), b.planTargetKw());
    }

    private static boolean higherPriority(Connector a, Connector b) {
        return a.tier() < b.tier() || (a.tier() == b.tier() && a.rank() < b.rank());
    }
}
