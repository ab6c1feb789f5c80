package io.depotops.core.application.port;

/**
 * The message log's store did not take the messages now (unreachable, throttling, or items left
 * unprocessed): nothing is wrong with them, so they are to be written again later, never given up.
 */
public class MessageLogUnavailableException extends RuntimeException {

    public MessageLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
