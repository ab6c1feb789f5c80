package io.depotops.connect.application.registry;

/** Core did not answer in time, could not be reached, or failed; the caller applies its offline policy. */
public class CoreUnavailableException extends RuntimeException {

    public CoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
