package io.depotops.incidents.domain.inhibition;

import io.depotops.incidents.domain.label.LabelMatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Alertmanager's inhibition as data: while an active incident matches the source matchers, an
 * incident matching the target matchers whose {@code equal} labels have the same values is
 * suppressed (a site offline makes the offline chargers of that site noise). Built-in rules belong
 * to no workspace ({@code workspaceId} null) and apply to every one.
 */
public record InhibitionRule(
        UUID id,
        UUID workspaceId,
        String name,
        List<LabelMatcher> sourceMatchers,
        List<LabelMatcher> targetMatchers,
        List<String> equal) {

    public InhibitionRule {
        if (sourceMatchers == null || sourceMatchers.isEmpty()) {
            throw new IllegalArgumentException("sourceMatchers: at least one");
        }
        if (targetMatchers == null || targetMatchers.isEmpty()) {
            throw new IllegalArgumentException("targetMatchers: at least one");
        }
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = equal == null ? List.of() : List.copyOf(equal);
    }

    public boolean builtIn() {
        return workspaceId == null;
    }

    public boolean sources(Map<String, String> labels) {
        return LabelMatcher.allMatch(sourceMatchers, labels);
    }

    public boolean targets(Map<String, String> labels) {
        return LabelMatcher.allMatch(targetMatchers, labels);
    }

    /** Whether an incident labelled {@code source} inhibits one labelled {@code target} under this rule. */
    public boolean inhibits(Map<String, String> source, Map<String, String> target) {
        if (!LabelMatcher.allMatch(sourceMatchers, source) || !targets(target)) {
            return false;
        }
        for (String label : equal) {
            if (!Objects.equals(source.getOrDefault(label, ""), target.getOrDefault(label, ""))) {
                return false;
            }
        }
        return true;
    }
}
