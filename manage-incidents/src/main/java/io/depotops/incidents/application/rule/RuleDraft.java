package io.depotops.incidents.application.rule;

import io.depotops.incidents.domain.rule.Severity;
import java.util.Map;
import java.util.Set;

/** What a caller sends to create or replace a rule. */
public record RuleDraft(
        String name,
        Set<String> eventTypes,
        String condition,
        int forSeconds,
        String dedupKey,
        Severity severity,
        String resolveCondition,
        Map<String, String> labels) {}
