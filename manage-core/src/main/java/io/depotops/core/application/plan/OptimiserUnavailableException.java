package io.depotops.core.application.plan;

/** The optimiser could not make a plan (down, too slow, or refused the problem); the previous plan stays. */
public class OptimiserUnavailableException extends RuntimeException {

    public OptimiserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
