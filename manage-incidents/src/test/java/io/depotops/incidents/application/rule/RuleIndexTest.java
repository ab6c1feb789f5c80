package io.depotops.incidents.application.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.incidents.application.port.RuleCompiler.CompiledRule;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.ObservedEvent;
import io.depotops.incidents.domain.rule.Severity;
import io.depotops.incidents.domain.rule.ValueGuard;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

    private record Rule(IncidentRule rule, Optional<ValueGuard> guard) implements CompiledRule {
        @Override
        public boolean fires(ObservedEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean resolves(ObservedEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String dedupKey(ObservedEvent event) {
            throw new UnsupportedOperationException();
        }
    }

    private static Rule rule(String name, Set<String> types, ValueGuard guard) {
        return new Rule(
                new IncidentRule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        name,
                        types,
                        "true",
                        0,
                        null,
                        Severity.INFO,
                        null,
                        Map.of(),
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        1),
                Optional.ofNullable(guard));
    }

    private static ObservedEvent event(String type, Map<String, Object> data) {
        return new ObservedEvent("e", type, "s", UUID.randomUUID(), Instant.EPOCH, data, "x", null);
    }

    private static List<String> names(List<CompiledRule> rules) {
        return rules.stream().map(r -> r.rule().name()).toList();
    }

    private final Rule group1 = rule("g1", Set.of("t.v1"), new ValueGuard(List.of("data", "group"), Set.of(1L)));
    private final Rule group2 = rule("g2", Set.of("t.v1"), new ValueGuard(List.of("data", "group"), Set.of(2L)));
    private final Rule faulted =
            rule("faulted", Set.of("t.v1"), new ValueGuard(List.of("data", "status"), Set.of("FAULTED", "AVAILABLE")));
    private final Rule unguarded = rule("any", Set.of("t.v1", "u.v1"), null);
    private final Rule otherType = rule("other", Set.of("u.v1"), new ValueGuard(List.of("type"), Set.of("u.v1")));
    private final RuleIndex index = new RuleIndex(List.of(group1, group2, faulted, unguarded, otherType));

    @Test
    void anEventMeetsOnlyTheRulesOfItsTypeWhoseGuardItsValuesMatch() {
        assertThat(names(index.candidates(event("t.v1", Map.of("group", 2L, "status", "FAULTED")))))
                .containsExactly("g2", "faulted", "any");
        assertThat(names(index.candidates(event("t.v1", Map.of("group", 3L, "status", "OCCUPIED")))))
                .containsExactly("any");
        assertThat(names(index.candidates(event("u.v1", Map.of())))).containsExactly("any", "other");
        assertThat(index.candidates(event("nobody.v1", Map.of()))).isEmpty();
        assertThat(index.rulesOf("t.v1")).isEqualTo(4);
    }

    @Test
    void aValueTheGuardCannotDecideLeavesEveryRuleOfThatPathToItsExpression() {
        // Missing, a double (5.0 may equal 5 in CEL), a string where a number is guarded: evaluated.
        assertThat(names(index.candidates(event("t.v1", Map.of("status", "X")))))
                .containsExactly("g1", "g2", "any");
        assertThat(names(index.candidates(event("t.v1", Map.of("group", 1.0, "status", "X")))))
                .containsExactly("g1", "g2", "any");
        assertThat(names(index.candidates(event("t.v1", Map.of("group", Map.of(), "status", List.of())))))
                .containsExactly("g1", "g2", "faulted", "any");
    }
}
