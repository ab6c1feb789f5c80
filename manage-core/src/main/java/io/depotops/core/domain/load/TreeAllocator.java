package io.depotops.core.domain.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides a site's power among its connectors over the site's electrical tree, per node and per
 * phase. Pure: no I/O, no clock. Currents are in A per phase (a connector draws the same current on
 * each phase it is wired to); a node's power limit counts each connector at its voltage times its
 * number of phases.
 *
 * <p>What the connectors below a node may draw is, on each of the node's limits separately, the
 * limit minus the node's uncontrolled load; every node from a connector's own up to the root binds.
 * A connector's maximum is the lowest of its charger's maximum, its vehicle's maximum power and,
 * when it drew less than it was offered (by more than the re-offer margin), what it draws plus the
 * margin (the rest goes to the others); never below the charger's minimum.
 *
 * <p>Order: first the charger minimums in priority order (tier, then rank), each only where it fits
 * under every node above it (a charger cannot charge below its minimum, so a smaller offer is no
 * offer: it gets 0); then tier by tier, the connectors of the tier raised together by equal
 * currents (progressive filling), first up to the stored plan's target where a connector has one,
 * then up to their maximum; a connector stops when it reaches its maximum or when a node's limit
 * above it is used up, and the others go on.
 *
 * <p>Invariants (property tests in {@code TreeAllocatorPropertiesTest}):
 *
 * <ul>
 *   <li>no node's limit is exceeded, on power or on any phase (where the uncontrolled load alone
 *       exceeds it, the connectors below get 0);
 *   <li>every connector gets 0 or at least its minimum, and never more than its maximum;
 *   <li>a connector below its maximum has a node above it whose limit is used up (one at 0: a node
 *       without room for its minimum);
 *   <li>of two connectors under the same node with the same phases, minimum, maximum and plan
 *       target, the one with the higher priority never gets less.
 * </ul>
 */
public final class TreeAllocator {

    /** Below this a difference in A or kW is rounding, not power. */
    static final double EPSILON = 1e-6;

    private TreeAllocator() {}

    /**
     * @param nodes the site's tree: unique ids, each parent among the nodes, no cycles
     * @param connectors the connectors with an active session, each under a node of the tree
     * @param reofferMarginA how far below its offer a connector must draw before the rest is
     *     re-offered, and what it keeps above its draw
     * @throws IllegalArgumentException when the tree is malformed or a connector's node unknown
     */
    public static Map<SessionKey, ConnectorLimit> allocate(
            List<PowerNode> nodes, List<Connector> connectors, double reofferMarginA) {
        return new Run(nodes, connectors, reofferMarginA).allocate();
    }

    /** One allocation's working state; arrays indexed by connector and by constraint. */
    private static final class Run {
        private final List<Connector> connectors;
        private final int count;
        private final double[] amps;
        private final double[] minimum;
        private final double[] maximum;
        private final Bound.Kind[] maximumKind;
        private final double[] planTarget;
        private final int[][] constraintsOf;
        private final double[][] coefficientsOf;
        private final Bound[] bounds;
        private final boolean[] offered;

        // One constraint per node limit: a node's power, or one of its phases.
        private final List<String> constraintNode = new ArrayList<>();
        private final List<Phase> constraintPhase = new ArrayList<>();
        private double[] slack;
        private double[] coefficientSum;

        Run(List<PowerNode> nodes, List<Connector> connectors, double reofferMarginA) {
            this.connectors = connectors;
            this.count = connectors.size();
            amps = new double[count];
            minimum = new double[count];
            maximum = new double[count];
            maximumKind = new Bound.Kind[count];
            planTarget = new double[count];
            constraintsOf = new int[count][];
            coefficientsOf = new double[count][];
            bounds = new Bound[count];
            offered = new boolean[count];

            Map<String, PowerNode> byId = new HashMap<>();
            for (PowerNode node : nodes) {
                if (byId.put(node.id(), node) != null) {
                    throw new IllegalArgumentException("node " + node.id() + " appears twice");
                }
            }
            Map<String, int[]> nodeConstraints = new HashMap<>();
            List<Double> slacks = new ArrayList<>();
            for (PowerNode node : nodes) {
                if (node.parentId() != null && !byId.containsKey(node.parentId())) {
                    throw new IllegalArgumentException("node " + node.id() + " has an unknown parent");
                }
                List<Integer> own = new ArrayList<>();
                if (node.availableKw() != null) {
                    own.add(addConstraint(node.id(), null, node.availableKw(), slacks));
                }
                for (Phase phase : Phase.values()) {
                    Double available = node.availableA(phase);
                    if (available != null) {
                        own.add(addConstraint(node.id(), phase, available, slacks));
                    }
                }
                nodeConstraints.put(
                        node.id(), own.stream().mapToInt(Integer::intValue).toArray());
            }
            slack = slacks.stream().mapToDouble(Double::doubleValue).toArray();
            coefficientSum = new double[slack.length];

            Map<String, List<String>> paths = new HashMap<>();
            for (int i = 0; i < count; i++) {
                Connector connector = connectors.get(i);
                if (!byId.containsKey(connector.nodeId())) {
                    throw new IllegalArgumentException(
                            "connector " + connector.key() + " hangs from unknown node " + connector.nodeId());
                }
                List<String> path = paths.computeIfAbsent(connector.nodeId(), id -> path(id, byId));
                List<Integer> constraints = new ArrayList<>();
                List<Double> coefficients = new ArrayList<>();
                for (String nodeId : path) {
                    for (int c : nodeConstraints.get(nodeId)) {
                        Phase phase = constraintPhase.get(c);
                        if (phase == null) {
                            constraints.add(c);
                            coefficients.add(connector.kwPerAmp());
                        } else if (connector.phases().contains(phase)) {
                            constraints.add(c);
                            coefficients.add(1.0);
                        }
                    }
                }
                constraintsOf[i] =
                        constraints.stream().mapToInt(Integer::intValue).toArray();
                coefficientsOf[i] =
                        coefficients.stream().mapToDouble(Double::doubleValue).toArray();
                limits(i, connector, reofferMarginA);
            }
        }

        private int addConstraint(String nodeId, Phase phase, double available, List<Double> slacks) {
            constraintNode.add(nodeId);
            constraintPhase.add(phase);
            slacks.add(available);
            return slacks.size() - 1;
        }

        /** The node and its ancestors up to the root; a cycle is refused. */
        private static List<String> path(String nodeId, Map<String, PowerNode> byId) {
            List<String> path = new ArrayList<>();
            String current = nodeId;
            while (current != null) {
                if (path.size() > byId.size()) {
                    throw new IllegalArgumentException("the tree has a cycle through " + nodeId);
                }
                path.add(current);
                current = byId.get(current).parentId();
            }
            return path;
        }

        private void limits(int i, Connector connector, double reofferMarginA) {
            double cap = connector.maxA();
            Bound.Kind kind = Bound.Kind.CHARGER_MAXIMUM;
            if (connector.vehicleMaxKw() != null && connector.vehicleMaxKw() / connector.kwPerAmp() < cap) {
                cap = Math.max(0, connector.vehicleMaxKw() / connector.kwPerAmp());
                kind = Bound.Kind.VEHICLE_MAXIMUM;
            }
            if (connector.offeredA() != null
                    && connector.drawA() != null
                    && connector.drawA() < connector.offeredA() - reofferMarginA
                    && connector.drawA() + reofferMarginA < cap) {
                cap = Math.max(0, connector.drawA() + reofferMarginA);
                kind = Bound.Kind.DRAWING_LESS;
            }
            minimum[i] = Math.min(connector.minA(), connector.maxA());
            // Offering a vehicle that takes less the charger's minimum is harmless; less is no offer.
            maximum[i] = Math.max(minimum[i], cap);
            maximumKind[i] = kind;
            planTarget[i] = connector.planTargetKw() == null
                    ? maximum[i]
                    : Math.min(maximum[i], Math.max(minimum[i], connector.planTargetKw() / connector.kwPerAmp()));
        }

        Map<SessionKey, ConnectorLimit> allocate() {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(
                    order,
                    Comparator.<Integer>comparingInt(i -> connectors.get(i).tier())
                            .thenComparingInt(i -> connectors.get(i).rank())
                            .thenComparing(i -> connectors.get(i).key().chargerId())
                            .thenComparingInt(i -> connectors.get(i).key().evseId()));

            for (int i : order) {
                offerMinimum(i);
            }
            int from = 0;
            while (from < count) {
                int tier = connectors.get(order[from]).tier();
                int to = from;
                List<Integer> members = new ArrayList<>();
                while (to < count && connectors.get(order[to]).tier() == tier) {
                    if (offered[order[to]]) {
                        members.add(order[to]);
                    }
                    to++;
                }
                fill(members, planTarget);
                fill(members, maximum);
                from = to;
            }

            markPriorityBounds();
            Map<SessionKey, ConnectorLimit> result = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Connector connector = connectors.get(i);
                result.put(connector.key(), new ConnectorLimit(amps[i], amps[i] * connector.kwPerAmp(), bounds[i]));
            }
            return result;
        }

        private void offerMinimum(int i) {
            int[] constraints = constraintsOf[i];
            double[] coefficients = coefficientsOf[i];
            for (int k = 0; k < constraints.length; k++) {
                if (coefficients[k] * minimum[i] > slack[constraints[k]] + EPSILON) {
                    bounds[i] = nodeBound(Bound.Kind.NO_ROOM_FOR_MINIMUM, constraints[k], false);
                    return;
                }
            }
            for (int k = 0; k < constraints.length; k++) {
                slack[constraints[k]] -= coefficients[k] * minimum[i];
            }
            amps[i] = minimum[i];
            offered[i] = true;
        }

        /** Raises the members together by equal currents until each reaches its cap or a limit binds. */
        private void fill(List<Integer> members, double[] cap) {
            List<Integer> active = new ArrayList<>();
            for (int i : members) {
                if (amps[i] < cap[i] - EPSILON) {
                    active.add(i);
                } else if (cap == maximum) {
                    bounds[i] = Bound.own(maximumKind[i]);
                }
            }
            while (!active.isEmpty()) {
                double step = Double.POSITIVE_INFINITY;
                List<Integer> touched = new ArrayList<>();
                for (int i : active) {
                    step = Math.min(step, cap[i] - amps[i]);
                    int[] constraints = constraintsOf[i];
                    for (int k = 0; k < constraints.length; k++) {
                        if (coefficientSum[constraints[k]] == 0) {
                            touched.add(constraints[k]);
                        }
                        coefficientSum[constraints[k]] += coefficientsOf[i][k];
                    }
                }
                for (int c : touched) {
                    step = Math.min(step, Math.max(0, slack[c]) / coefficientSum[c]);
                    coefficientSum[c] = 0;
                }
                List<Integer> still = new ArrayList<>(active.size());
                for (int i : active) {
                    amps[i] += step;
                    int[] constraints = constraintsOf[i];
                    for (int k = 0; k < constraints.length; k++) {
                        slack[constraints[k]] -= coefficientsOf[i][k] * step;
                    }
                }
                for (int i : active) {
                    if (amps[i] >= cap[i] - EPSILON) {
                        if (cap == maximum) {
                            bounds[i] = Bound.own(maximumKind[i]);
                        }
                        continue;
                    }
                    int binding = bindingConstraint(i);
                    if (binding >= 0) {
                        bounds[i] = nodeBound(
                                constraintPhase.get(binding) == null ? Bound.Kind.NODE_POWER : Bound.Kind.NODE_PHASE,
                                binding,
                                false);
                        continue;
                    }
                    still.add(i);
                }
                if (still.size() == active.size()) {
                    break; // nothing moved: rounding left a step of 0 (cannot happen in exact arithmetic)
                }
                active = still;
            }
        }

        /**
         * A node-bound connector is bound by priority when a connector of a higher-priority tier
         * under the same node limit got more than it did.
         */
        private void markPriorityBounds() {
            Map<Integer, java.util.TreeMap<Integer, Double>> mostByTier = new HashMap<>();
            for (int i = 0; i < count; i++) {
                for (int c : constraintsOf[i]) {
                    mostByTier
                            .computeIfAbsent(c, key -> new java.util.TreeMap<>())
                            .merge(connectors.get(i).tier(), amps[i], Math::max);
                }
            }
            Map<String, Integer> constraintIndex = new HashMap<>();
            for (int c = 0; c < constraintNode.size(); c++) {
                constraintIndex.put(constraintNode.get(c) + "/" + constraintPhase.get(c), c);
            }
            for (int i = 0; i < count; i++) {
                Bound bound = bounds[i];
                if (bound == null || bound.nodeId() == null) {
                    continue;
                }
                int c = constraintIndex.get(bound.nodeId() + "/" + bound.phase());
                double amps = this.amps[i];
                boolean higherGotMore = mostByTier
                        .get(c)
                        .headMap(connectors.get(i).tier(), false)
                        .values()
                        .stream()
                        .anyMatch(most -> most > amps + EPSILON);
                if (higherGotMore) {
                    bounds[i] = new Bound(bound.kind(), bound.nodeId(), bound.phase(), true);
                }
            }
        }

        private int bindingConstraint(int i) {
            int[] constraints = constraintsOf[i];
            for (int constraint : constraints) {
                if (slack[constraint] <= EPSILON) {
                    return constraint;
                }
            }
            return -1;
        }

        private Bound nodeBound(Bound.Kind kind, int constraint, boolean byHigherPriority) {
            return new Bound(kind, constraintNode.get(constraint), constraintPhase.get(constraint), byHigherPriority);
        }
    }
}
