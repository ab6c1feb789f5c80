package io.depotops.incidents.application.rule;

import io.depotops.incidents.application.port.RuleCompiler.CompiledRule;
import io.depotops.incidents.domain.rule.ObservedEvent;
import io.depotops.incidents.domain.rule.ValueGuard;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace's compiled rules, indexed so that an event meets only the rules that can hold for it:
 * first by event type, then, for rules whose expressions carry a {@link ValueGuard}, by the value
 * the event has at the guard's path. Built once per rule change, read concurrently.
 */
final class RuleIndex {

    static final RuleIndex EMPTY = new RuleIndex(List.of());

    /** The rules of one event type, in rule order (by name). */
    private record TypeRules(List<CompiledRule> rules, BitSet unguarded, Map<List<String>, PathRules> byPath) {}

    /** The rules guarded on one path: by the value they need, and all of them for an event that says nothing. */
    private record PathRules(Map<Object, BitSet> byValue, BitSet all) {}

    private final Map<String, TypeRules> byType;

    RuleIndex(List<CompiledRule> rules) {
        Map<String, List<CompiledRule>> grouped = new LinkedHashMap<>();
        for (CompiledRule rule : rules) {
            for (String type : rule.rule().eventTypes()) {
                grouped.computeIfAbsent(type, t -> new ArrayList<>()).add(rule);
            }
        }
        Map<String, TypeRules> index = new HashMap<>();
        grouped.forEach((type, ofType) -> index.put(type, typeRules(ofType)));
        this.byType = Map.copyOf(index);
    }

    private static TypeRules typeRules(List<CompiledRule> rules) {
        BitSet unguarded = new BitSet(rules.size());
        Map<List<String>, PathRules> byPath = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ValueGuard guard = rules.get(i).guard().orElse(null);
            if (guard == null) {
                unguarded.set(i);
                continue;
            }
            PathRules path = byPath.computeIfAbsent(guard.path(), p -> new PathRules(new HashMap<>(), new BitSet()));
            path.all().set(i);
            for (Object value : guard.values()) {
                path.byValue().computeIfAbsent(value, v -> new BitSet()).set(i);
            }
        }
        return new TypeRules(List.copyOf(rules), unguarded, byPath);
    }

    /** The rules that can fire or resolve on the event, in rule order. */
    List<CompiledRule> candidates(ObservedEvent event) {
        TypeRules ofType = byType.get(event.type());
        if (ofType == null) {
            return List.of();
        }
        if (ofType.byPath().isEmpty()) {
            return ofType.rules();
        }
        BitSet chosen = (BitSet) ofType.unguarded().clone();
        ofType.byPath().forEach((path, rules) -> {
            Object value = event.valueAt(path);
            if (ValueGuard.decides(value)) {
                BitSet matching = rules.byValue().get(value);
                if (matching != null) {
                    chosen.or(matching);
                }
            } else {
                chosen.or(rules.all());
            }
        });
        List<CompiledRule> candidates = new ArrayList<>(chosen.cardinality());
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            candidates.add(ofType.rules().get(i));
        }
        return candidates;
    }

    /** How many rules read the type (for tests and metrics). */
    int rulesOf(String eventType) {
        TypeRules ofType = byType.get(eventType);
        return ofType == null ? 0 : ofType.rules().size();
    }
}
