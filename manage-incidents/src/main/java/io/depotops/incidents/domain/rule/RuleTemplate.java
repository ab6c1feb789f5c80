package io.depotops.incidents.domain.rule;

import java.util.Map;
import java.util.Set;

/** A built-in rule a workspace can install as it is or with its own pending time and severity. */
public record RuleTemplate(
        String id,
        String name,
        String description,
        Set<String> eventTypes,
        String condition,
        int forSeconds,
        String dedupKey,
        Severity severity,
        String resolveCondition,
        Map<String, String> labels) {}
