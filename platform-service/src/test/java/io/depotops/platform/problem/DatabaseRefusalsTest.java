package io.depotops.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.contracts.problem.ProblemType;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseRefusalsTest {

    private static Throwable wrapped(String sqlState) {
        return new IllegalStateException("commit failed", new RuntimeException(new SQLException("refused", sqlState)));
    }

    @Test
    void textTheDatabaseCannotHoldOrAValueOutOfRangeIsTheClientsMistake() {
        for (String state : new String[] {"22021", "22001", "22003", "22P02", "23514", "23502"}) {
            assertThat(DatabaseRefusals.of(wrapped(state)))
                    .as(state)
                    .hasValueSatisfying(refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
        }
    }

    @Test
    void aDuplicateOrADanglingReferenceIsAConflict() {
        assertThat(DatabaseRefusals.of(wrapped("23505")))
                .hasValueSatisfying(r -> assertThat(r.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(DatabaseRefusals.of(wrapped("23503")))
                .hasValueSatisfying(r -> assertThat(r.type()).isEqualTo(ProblemType.CONFLICT));
    }

    @Test
    void theDatabaseBeingAwayOrADeadlockStaysAnInternalError() {
        assertThat(DatabaseRefusals.of(wrapped("08006"))).isEmpty();
        assertThat(DatabaseRefusals.of(wrapped("40P01"))).isEmpty();
        assertThat(DatabaseRefusals.of(new IllegalStateException("no SQL here")))
                .isEmpty();
    }
}
