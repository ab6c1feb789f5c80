package io.depotops.incidents.domain.label;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on a label, as Alertmanager writes them: {@code =} equal, {@code !=} not equal,
 * {@code =~} the whole value matches a regular expression, {@code !~} it does not. A missing label
 * reads as the empty string, so {@code team=""} matches incidents without a team.
 */
public record LabelMatcher(String name, Operator operator, String value, Pattern pattern) {

    public enum Operator {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator written {@code symbol}; {@code null} when none is. */
        public static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            return null;
        }
    }

    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public LabelMatcher {
        if (name == null || !LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name: a label name is letters, digits and _, not starting with a digit");
        }
        if (operator == null) {
            throw new IllegalArgumentException("operator: one of =, !=, =~, !~");
        }
        if (value == null) {
            throw new IllegalArgumentException("value: required (empty matches a missing label)");
        }
        if (pattern == null && (operator == Operator.REGEX || operator == Operator.NOT_REGEX)) {
            try {
                pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("value: not a regular expression: " + e.getDescription());
            }
        }
    }

    public static LabelMatcher of(String name, Operator operator, String value) {
        return new LabelMatcher(name, operator, value, null);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    /** All of them hold (an empty list holds for anything). */
    public static boolean allMatch(Iterable<LabelMatcher> matchers, Map<String, String> labels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + operator.symbol + '"' + value + '"';
    }
}
