package io.depotops.core.domain.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One allocation of a 500-connector site under a 4-level, 3-phase tree (grid connection, 2
 * transformers, 10 switchboards, 100 circuits, then 250 chargers with 2 connectors each, a fifth of
 * them single-phase), every node limited on power and per phase, with uncontrolled load, vehicle
 * maximums, connectors drawing less than offered, plan targets and 12 tiers. Prints p50/p99/max of
 * the allocation time after a warm-up. Run by {@code benchmarks/load-allocation}.
 */
@EnabledIfSystemProperty(named = "depotops.bench.load", matches = "true")
class TreeAllocationBenchmark {

    @Test
    void allocationOf500ConnectorsUnderA4LevelTree() {
        int connectors = Integer.getInteger("depotops.bench.load.connectors", 500);
        int runs = Integer.getInteger("depotops.bench.load.runs", 5000);
        Random random = new Random(42);
        List<PowerNode> nodes = new ArrayList<>();
        nodes.add(node("grid", null, 1600, 2300, random));
        List<String> circuits = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            nodes.add(node("t" + t, "grid", 900, 1300, random));
            for (int s = 0; s < 5; s++) {
                String board = "t" + t + "s" + s;
                nodes.add(node(board, "t" + t, 250, 360, random));
                for (int c = 0; c < 10; c++) {
                    nodes.add(node(board + "c" + c, board, 60, 90, random));
                    circuits.add(board + "c" + c);
                }
            }
        }
        List<Connector> sessions = new ArrayList<>();
        for (int i = 0; i < connectors; i++) {
            String charger = "cp" + (i / 2);
            if (i % 2 == 0) {
                nodes.add(new PowerNode(
                        charger, circuits.get((i / 2) % circuits.size()), 44.0, PhaseAmps.of(63), 0, PhaseAmps.NONE));
            }
            boolean singlePhase = i % 5 == 0;
            double offered = 6 + random.nextInt(26);
            sessions.add(new Connector(
                    new SessionKey(UUID.randomUUID(), 1 + i % 2),
                    UUID.randomUUID(),
                    charger,
                    singlePhase ? Set.of(Phase.values()[i % 3]) : Set.of(Phase.L1, Phase.L2, Phase.L3),
                    230,
                    6,
                    32,
                    random.nextInt(3) == 0 ? 7.0 + random.nextInt(40) : null,
                    offered,
                    random.nextInt(4) == 0 ? offered / 2 : offered,
                    random.nextInt(4) == 0 ? 5.0 + random.nextInt(15) : null,
                    1 + random.nextInt(12),
                    i));
        }

        long[] nanos = new long[runs];
        for (int warmUp = 0; warmUp < 2000; warmUp++) {
            TreeAllocator.allocate(nodes, sessions, 1.0);
        }
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            TreeAllocator.allocate(nodes, sessions, 1.0);
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "load allocation: %d connectors, %d nodes (4 levels + chargers), %d runs: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                connectors,
                nodes.size(),
                runs,
                nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
                nanos[runs - 1] / 1e6);
    }

    private static PowerNode node(String id, String parent, double limitKw, double limitA, Random random) {
        double loadA = random.nextDouble() * limitA * 0.1;
        return new PowerNode(id, parent, limitKw, PhaseAmps.of(limitA), loadA * 0.69, PhaseAmps.of(loadA));
    }
}
