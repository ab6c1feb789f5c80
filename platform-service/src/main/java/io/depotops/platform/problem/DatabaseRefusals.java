package io.depotops.platform.problem;

import io.depotops.contracts.problem.ProblemType;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Defence in depth: a value that got past a request's validation but that the database refuses
 * (SQLSTATE class 22 "data exception": text it cannot store, too long, out of range; 23514 a check
 * constraint; 23502 a missing value) is the client's mistake, answered 400; a duplicate or a
 * dangling reference (23505, 23503) is a conflict, 409. Anything else stays an internal error.
 */
final class DatabaseRefusals {

    private DatabaseRefusals() {}

    /** What a refusal is for the client, and the SQLSTATE, for the log. */
    record Refusal(ProblemType type, String detail, String sqlState) {}

    static Optional<Refusal> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<Refusal> refusal = classify(sql.getSQLState());
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> classify(String sqlState) {
        if (sqlState.startsWith("22")) {
            return Optional.of(new Refusal(
                    ProblemType.VALIDATION_FAILED,
                    "A value of the request cannot be stored: it is too long, out of range or not valid text",
                    sqlState));
        }
        return switch (sqlState) {
            case "23514", "23502" ->
                Optional.of(new Refusal(
                        ProblemType.VALIDATION_FAILED,
                        "A value of the request is outside what this resource allows",
                        sqlState));
            case "23505", "23503" ->
                Optional.of(new Refusal(
                        ProblemType.CONFLICT,
                        "The request conflicts with an existing resource or refers to one that does not exist",
                        sqlState));
            default -> Optional.empty();
        };
    }
}
