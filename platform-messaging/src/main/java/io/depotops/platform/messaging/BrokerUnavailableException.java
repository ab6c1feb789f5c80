package io.depotops.platform.messaging;

/** The broker did not take a message: not connected, refused it, or did not confirm in time. */
public class BrokerUnavailableException extends Exception {

    public BrokerUnavailableException(String message) {
        super(message);
    }

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
