package io.depotops.platform.problem;

import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import java.util.List;
import java.util.Map;

/**
 * Raised by inbound adapters to answer with a problem of the catalogue. The detail is shown to the
 * client, so it must say what is wrong in the client's terms and never leak internals.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType problemType;
    private final List<InvalidField> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType problemType, String detail) {
        this(problemType, detail, List.of(), Map.of());
    }

    public ProblemException(
            ProblemType problemType, String detail, List<InvalidField> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.problemType = problemType;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemType problemType() {
        return problemType;
    }

    public List<InvalidField> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
