package io.depotops.platform.testing.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one fuzz run sent and found; {@link #assertClean()} fails the test on any finding. */
public final class FuzzReport {

    /** A finding: every request that failed the same way on the same operation, the first shown. */
    public record Finding(
            String operation,
            String kind,
            int status,
            FuzzRequest first,
            String answer,
            int count,
            List<String> variants) {

        static final int SHOWN_VARIANTS = 25;

        Finding with(FuzzRequest more) {
            List<String> all = new ArrayList<>(variants);
            String variant = more.mutation() + " [" + more.auth() + "]";
            if (!all.contains(variant) && all.size() < SHOWN_VARIANTS) {
                all.add(variant);
            }
            return new Finding(operation, kind, status, first, answer, count + 1, List.copyOf(all));
        }

        String describe(long seed) {
            String others = variants.size() <= 1
                    ? ""
                    : "\n  all the ways it happened"
                            + (variants.size() >= SHOWN_VARIANTS ? " (first " + SHOWN_VARIANTS + ")" : "") + ":\n"
                            + String.join(
                                    "\n", variants.stream().map(v -> "    " + v).toList());
            return "%s: %s%s (%d×)%n  reproduce: -Ddepotops.fuzz.seed=%d -Ddepotops.fuzz.operation='%s' (case %d, %s, auth %s)%n%s%n  -> %s%s"
                    .formatted(
                            operation,
                            kind,
                            status < 0 ? "" : " " + status,
                            count,
                            seed,
                            operation,
                            first.caseNumber(),
                            first.mutation(),
                            first.auth(),
                            first.describe().indent(4).stripTrailing(),
                            answer,
                            others);
        }
    }

    private final long seed;
    private final int tries;
    private final Duration budget;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;
    private Integer cutAtRound;
    private Duration took = Duration.ZERO;

    FuzzReport(long seed, int tries, Duration budget) {
        this.seed = seed;
        this.tries = tries;
        this.budget = budget;
    }

    void sent(FuzzRequest request, int status) {
        requests++;
        statuses.merge(status, 1, Integer::sum);
    }

    void failure(FuzzRequest request, String kind, int status, String answer) {
        if (status < 0) {
            requests++;
        }
        String key = request.operation() + "|" + kind + "|" + status;
        findings.compute(
                key,
                (k, known) -> known == null
                        ? new Finding(
                                request.operation(),
                                kind,
                                status,
                                request,
                                answer,
                                1,
                                List.of(request.mutation() + " [" + request.auth() + "]"))
                        : known.with(request));
    }

    void budgetExhausted(int round) {
        cutAtRound = round;
    }

    void finished(Duration took) {
        this.took = took;
    }

    public long seed() {
        return seed;
    }

    public int requests() {
        return requests;
    }

    public List<Finding> findings() {
        return new ArrayList<>(findings.values());
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("OpenApiFuzz: seed %d, %d requests in %.1f s, statuses %s, %d finding(s)%s"
                .formatted(
                        seed,
                        requests,
                        took.toMillis() / 1000.0,
                        statuses,
                        findings.size(),
                        cutAtRound == null
                                ? ""
                                : "; budget of %d s reached after %d of %d rounds"
                                        .formatted(budget.toSeconds(), cutAtRound, tries)));
        for (Finding finding : findings.values()) {
            out.append("\n- ").append(finding.describe(seed));
        }
        return out.toString();
    }

    /** Fails with every finding, each with a request that reproduces it. */
    public void assertClean() {
        if (!findings.isEmpty()) {
            throw new AssertionError(summary());
        }
    }
}
