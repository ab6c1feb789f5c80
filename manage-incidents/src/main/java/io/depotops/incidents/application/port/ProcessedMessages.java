package io.depotops.incidents.application.port;

/** Which messages have been applied: effects happen once per message id. */
public interface ProcessedMessages {

    /** True the first time {@code consumer} sees {@code messageId}; in the caller's transaction. */
    boolean firstTime(String consumer, String messageId);
}
