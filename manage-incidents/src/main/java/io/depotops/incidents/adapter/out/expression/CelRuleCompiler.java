package io.depotops.incidents.adapter.out.expression;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.depotops.incidents.application.InvalidInputException.FieldProblem;
import io.depotops.incidents.application.port.RuleCompiler;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.ObservedEvent;
import io.depotops.incidents.domain.rule.ValueGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rule expressions in CEL (cel-java): {@code condition} and {@code resolveCondition} must be bool
 * expressions and {@code dedupKey} a string expression over the one variable {@code event}, a map
 * with {@code type}, {@code subject}, {@code workspaceId}, {@code time} and {@code data}.
 */
@ApplicationScoped
class CelRuleCompiler implements RuleCompiler {

    static final String VARIABLE = "event";
    private static final CelType EVENT = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final CelCompiler conditions = compiler(SimpleType.BOOL);
    private final CelCompiler keys = compiler(SimpleType.STRING);
    private final CelRuntime runtime =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private static CelCompiler compiler(CelType result) {
        // Macros (has, all, exists, map, filter) are not on by default in cel-java.
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar(VARIABLE, EVENT)
                .setResultType(result)
                .build();
    }

    @Override
    public List<FieldProblem> check(IncidentRule rule) {
        List<FieldProblem> problems = new ArrayList<>();
        problem("condition", conditions, rule.condition()).ifPresent(problems::add);
        problem("dedupKey", keys, rule.dedupKey()).ifPresent(problems::add);
        if (rule.resolveCondition() != null) {
            problem("resolveCondition", conditions, rule.resolveCondition()).ifPresent(problems::add);
        }
        return problems;
    }

    private static java.util.Optional<FieldProblem> problem(String field, CelCompiler compiler, String source) {
        if (source == null || source.isBlank()) {
            return java.util.Optional.of(new FieldProblem(field, "must not be blank"));
        }
        CelValidationResult result;
        try {
            result = compiler.compile(source);
        } catch (RuntimeException e) {
            return java.util.Optional.of(new FieldProblem(field, "does not compile: " + e.getMessage()));
        }
        if (!result.hasError()) {
            return java.util.Optional.empty();
        }
        String messages = result.getErrors().stream()
                .map(issue -> issue.getMessage() + position(issue))
                .collect(Collectors.joining("; "));
        return java.util.Optional.of(new FieldProblem(field, "does not compile: " + messages));
    }

    private static String position(CelIssue issue) {
        var location = issue.getSourceLocation();
        return location.getLine() > 0
                ? " (line " + location.getLine() + ", column " + (location.getColumn() + 1) + ")"
                : "";
    }

    @Override
    public CompiledRule compile(IncidentRule rule) {
        CelAbstractSyntaxTree conditionAst = ast(conditions, rule.condition());
        CelRuntime.Program condition = program(conditionAst);
        CelRuntime.Program key = program(ast(keys, rule.dedupKey()));
        Optional<ValueGuard> guard = ExpressionGuards.of(conditionAst.getExpr());
        CelRuntime.Program resolve = null;
        if (rule.resolveCondition() != null) {
            CelAbstractSyntaxTree resolveAst = ast(conditions, rule.resolveCondition());
            resolve = program(resolveAst);
            guard = ExpressionGuards.either(guard, ExpressionGuards.of(resolveAst.getExpr()));
        }
        return new CelRule(rule, condition, key, resolve, guard);
    }

    private static CelAbstractSyntaxTree ast(CelCompiler compiler, String source) {
        try {
            return compiler.compile(source).getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("expression does not compile: " + e.getMessage(), e);
        }
    }

    private CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return runtime.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("expression does not compile: " + e.getMessage(), e);
        }
    }

    private record CelRule(
            IncidentRule rule,
            CelRuntime.Program condition,
            CelRuntime.Program key,
            CelRuntime.Program resolve,
            Optional<ValueGuard> guard)
            implements CompiledRule {

        @Override
        public boolean fires(ObservedEvent event) {
            return holds(condition, event);
        }

        @Override
        public boolean resolves(ObservedEvent event) {
            return resolve != null && holds(resolve, event);
        }

        @Override
        public String dedupKey(ObservedEvent event) {
            try {
                Object value = key.eval(Map.of(VARIABLE, event.asVariable()));
                return value instanceof String text && !text.isEmpty() ? text : null;
            } catch (CelEvaluationException | RuntimeException e) {
                return null;
            }
        }

        /** A missing field or a type mismatch is an evaluation error: the expression does not hold. */
        private static boolean holds(CelRuntime.Program program, ObservedEvent event) {
            try {
                return Boolean.TRUE.equals(program.eval(Map.of(VARIABLE, event.asVariable())));
            } catch (CelEvaluationException | RuntimeException e) {
                return false;
            }
        }
    }
}
