package io.depotops.schedule.application.port;

import io.depotops.schedule.domain.schedule.Layout;
import io.depotops.schedule.domain.schedule.SolveStatus;
import java.time.Duration;

/** The optimal scheduler behind a port, so that its native library can be missing or fail. */
public interface Optimiser {

    /**
     * Power per vehicle and slot minimising, in this order, priority-weighted unmet energy, cost
     * (with the demand charge) and, when {@code minimisePeak}, the peak import.
     *
     * @throws OptimiserUnavailableException the solver cannot run here (native library missing)
     */
    Outcome solve(Layout layout, Duration timeLimit, boolean minimisePeak);

    /** Whether the solver loaded; false puts readiness in degraded state. */
    boolean available();

    /**
     * What the solve found. {@code powerKw} is null when the time limit cut even the first stage.
     *
     * @param gap relative gap of the first objective to its bound, 0 when proved optimal
     */
    record Outcome(double[][] powerKw, SolveStatus status, Double gap, boolean timeLimitReached, String note) {}

    /** The solver cannot run. */
    class OptimiserUnavailableException extends RuntimeException {
        public OptimiserUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
