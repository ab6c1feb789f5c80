package io.depotops.incidents.adapter.out.expression;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import io.depotops.incidents.domain.rule.ValueGuard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link ValueGuard} from a checked CEL expression: the first top-level conjunct of the
 * form {@code event.a.b == 'x'} (either side) or {@code event.a.b in ['x', 'y']} with string or
 * whole-number literals. Sound because in CEL a false conjunct makes the conjunction false whatever
 * the others give (errors included), and a string or int never equals a literal of another kind
 * or a different value of its own.
 */
final class ExpressionGuards {

    private ExpressionGuards() {}

    static Optional<ValueGuard> of(CelExpr expression) {
        List<CelExpr> conjuncts = new ArrayList<>();
        conjuncts(expression, conjuncts);
        for (CelExpr conjunct : conjuncts) {
            Optional<ValueGuard> guard = guard(conjunct);
            if (guard.isPresent()) {
                return guard;
            }
        }
        return Optional.empty();
    }

    /** A guard for "one of the two expressions holds": only when both guard the same path. */
    static Optional<ValueGuard> either(Optional<ValueGuard> first, Optional<ValueGuard> second) {
        if (first.isEmpty()
                || second.isEmpty()
                || !first.get().path().equals(second.get().path())) {
            return Optional.empty();
        }
        Set<Object> values = new HashSet<>(first.get().values());
        values.addAll(second.get().values());
        return Optional.of(new ValueGuard(first.get().path(), values));
    }

    private static void conjuncts(CelExpr expression, List<CelExpr> into) {
        if (expression.getKind() == Kind.CALL
                && "_&&_".equals(expression.call().function())
                && expression.call().target().isEmpty()) {
            for (CelExpr argument : expression.call().args()) {
                conjuncts(argument, into);
            }
        } else {
            into.add(expression);
        }
    }

    private static Optional<ValueGuard> guard(CelExpr conjunct) {
        if (conjunct.getKind() != Kind.CALL || conjunct.call().target().isPresent()) {
            return Optional.empty();
        }
        String function = conjunct.call().function();
        List<CelExpr> args = conjunct.call().args();
        if (args.size() != 2) {
            return Optional.empty();
        }
        if ("_==_".equals(function)) {
            Optional<List<String>> left = path(args.get(0));
            Optional<Object> right = literal(args.get(1));
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(new ValueGuard(left.get(), Set.of(right.get())));
            }
            Optional<List<String>> swappedPath = path(args.get(1));
            Optional<Object> swappedLiteral = literal(args.get(0));
            if (swappedPath.isPresent() && swappedLiteral.isPresent()) {
                return Optional.of(new ValueGuard(swappedPath.get(), Set.of(swappedLiteral.get())));
            }
            return Optional.empty();
        }
        if ("@in".equals(function) && args.get(1).getKind() == Kind.LIST) {
            Optional<List<String>> path = path(args.get(0));
            if (path.isEmpty() || args.get(1).list().elements().isEmpty()) {
                return Optional.empty();
            }
            Set<Object> values = new HashSet<>();
            for (CelExpr element : args.get(1).list().elements()) {
                Optional<Object> value = literal(element);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.add(value.get());
            }
            return Optional.of(new ValueGuard(path.get(), values));
        }
        return Optional.empty();
    }

    /** {@code event.a.b} as {@code [a, b]}; not a presence test ({@code has(...)}). */
    private static Optional<List<String>> path(CelExpr expression) {
        List<String> reversed = new ArrayList<>();
        CelExpr current = expression;
        while (current.getKind() == Kind.SELECT) {
            if (current.select().testOnly()) {
                return Optional.empty();
            }
            reversed.add(current.select().field());
            current = current.select().operand();
        }
        if (current.getKind() != Kind.IDENT
                || !CelRuleCompiler.VARIABLE.equals(current.ident().name())
                || reversed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(reversed.reversed()));
    }

    private static Optional<Object> literal(CelExpr expression) {
        if (expression.getKind() != Kind.CONSTANT) {
            return Optional.empty();
        }
        CelConstant constant = expression.constant();
        return switch (constant.getKind()) {
            case STRING_VALUE -> Optional.of(constant.stringValue());
            case INT64_VALUE -> Optional.of(constant.int64Value());
            default -> Optional.empty();
        };
    }
}
