package io.depotops.incidents.domain.rule;

import java.util.List;
import java.util.Set;

/**
 * What a rule's expressions need of an event before either can hold: the value at {@code path} of
 * the {@code event} variable ({@code ["type"]}, {@code ["data", "status"]}) is one of {@code values}
 * (strings and whole numbers only). An event whose value there is a string or a whole number not in
 * {@code values} can neither fire nor resolve the rule, so it need not be evaluated; any other
 * value (missing, a double, a map) says nothing and the rule is evaluated.
 */
public record ValueGuard(List<String> path, Set<Object> values) {

    public ValueGuard {
        path = List.copyOf(path);
        values = Set.copyOf(values);
        for (Object value : values) {
            if (!(value instanceof String) && !(value instanceof Long)) {
                throw new IllegalArgumentException("a guard value is a string or a long: " + value);
            }
        }
    }

    /** Whether the guard decides for this value (a string or a whole number); otherwise the rule must be evaluated. */
    public static boolean decides(Object value) {
        return value instanceof String || value instanceof Long;
    }
}
