package io.depotops.incidents.application.port;

import io.depotops.incidents.application.InvalidInputException.FieldProblem;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.ObservedEvent;
import io.depotops.incidents.domain.rule.ValueGuard;
import java.util.List;
import java.util.Optional;

/** Turns a rule's expressions into something that evaluates events, and says what is wrong with them. */
public interface RuleCompiler {

    /** What keeps the rule's expressions from compiling, per field ({@code condition}, ...); empty when none. */
    List<FieldProblem> check(IncidentRule rule);

    /** The rule, ready to evaluate; only for rules that {@link #check} accepts. */
    CompiledRule compile(IncidentRule rule);

    /**
     * A rule's expressions, compiled. An expression that fails on an event (a missing field, a
     * wrong type) counts as not holding for that event.
     */
    interface CompiledRule {

        IncidentRule rule();

        boolean fires(ObservedEvent event);

        boolean resolves(ObservedEvent event);

        /** The deduplication key for the event, or {@code null} when it cannot be computed. */
        String dedupKey(ObservedEvent event);

        /**
         * What an event must carry for the condition or the resolve condition to hold, when the
         * expressions say so (see {@link ValueGuard}); empty when they do not: every event of the
         * rule's types is evaluated.
         */
        Optional<ValueGuard> guard();
    }
}
