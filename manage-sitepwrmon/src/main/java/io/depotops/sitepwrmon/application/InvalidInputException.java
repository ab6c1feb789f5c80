package io.depotops.sitepwrmon.application;

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

    public List<FieldProblem> problems() {
        return problems;
    }
}
