package io.depotops.incidents.application;

import java.util.List;
import java.util.stream.Collectors;

/** Fields of a request that cannot be accepted, each with why. */
public class InvalidInputException extends RuntimeException {

    /** One refused field and the reason, in the caller's terms. */
    public record FieldProblem(String field, String message) {}

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::field).collect(Collectors.joining(", ")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** A value the domain refused, its message written "field: why". */
    public static InvalidInputException from(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0
                ? new InvalidInputException(message.substring(0, colon), message.substring(colon + 2))
                : new InvalidInputException("body", message);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
